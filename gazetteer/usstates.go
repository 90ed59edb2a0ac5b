package gazetteer

// apStates maps the postal code of each U.S. state (and D.C.) to its
// Associated Press style abbreviation, the form news text uses after a
// politician's name ("Sen. Lindsey Graham (R-S.C.)"). The AP spells eight
// states out; their abbreviation is the name itself.
var apStates = map[string]string{
	"AL": "Ala.", "AK": "Alaska", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
	"DE": "Del.", "DC": "D.C.", "FL": "Fla.", "GA": "Ga.", "HI": "Hawaii", "ID": "Idaho", "IL": "Ill.",
	"IN": "Ind.", "IA": "Iowa", "KS": "Kan.", "KY": "Ky.", "LA": "La.", "ME": "Maine", "MD": "Md.",
	"MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.",
	"NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
	"OH": "Ohio", "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
	"TN": "Tenn.", "TX": "Texas", "UT": "Utah", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.",
	"WI": "Wis.", "WY": "Wyo.",
}

// StateAbbrevs returns the ways news text abbreviates a U.S. state: its
// AP-style abbreviation ("S.C.") and its postal code ("SC"), or nil when p is
// not a U.S. state.
func StateAbbrevs(p Place) []string {
	if p.Country != "USA" || p.Kind != KindRegion {
		return nil
	}
	ap, ok := apStates[p.Admin1]
	if !ok {
		return nil
	}
	return []string{ap, p.Admin1}
}
