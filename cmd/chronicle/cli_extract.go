package main

func extractCLI(env *cliEnv) cliPart { return cliPart{} }
