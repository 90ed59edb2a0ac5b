package main

// actorCLI returns the commands of this area. TODO(scaffold): fill in.
func actorCLI(env *cliEnv) cliPart { return cliPart{} }
