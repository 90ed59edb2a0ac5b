package main

// nerCLI returns the commands of this area. TODO(scaffold): fill in.
func nerCLI(env *cliEnv) cliPart { return cliPart{} }
