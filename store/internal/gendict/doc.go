// Package gendict holds the generator of the store codec's zstd
// dictionaries: CHRONICLE_GEN_DICTS=1 go test ./store/internal/gendict/
// rebuilds store/textdict.zstd and store/layerdict.zstd from MEANTIME.
package gendict
