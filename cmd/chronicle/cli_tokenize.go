package main

// tokenizeCLI returns the commands of this area. TODO(scaffold): fill in.
func tokenizeCLI(env *cliEnv) cliPart { return cliPart{} }
