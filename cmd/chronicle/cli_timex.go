package main

// timexCLI returns the commands of this area. TODO(scaffold): fill in.
func timexCLI(env *cliEnv) cliPart { return cliPart{} }
