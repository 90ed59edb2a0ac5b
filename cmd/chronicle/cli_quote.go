package main

// quoteCLI returns the commands of this area. TODO(scaffold): fill in.
func quoteCLI(env *cliEnv) cliPart { return cliPart{} }
