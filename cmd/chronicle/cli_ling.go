package main

// lingCLI returns the commands of this area. TODO(scaffold): fill in.
func lingCLI(env *cliEnv) cliPart { return cliPart{} }
