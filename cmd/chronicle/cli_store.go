package main

// storeCLI returns the commands of this area. TODO(scaffold): fill in.
func storeCLI(env *cliEnv) cliPart { return cliPart{} }
