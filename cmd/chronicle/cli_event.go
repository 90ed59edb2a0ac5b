package main

// eventCLI returns the commands of this area. TODO(scaffold): fill in.
func eventCLI(env *cliEnv) cliPart { return cliPart{} }
