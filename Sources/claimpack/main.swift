import ClaimPackCLI

ClaimpackCommand.runAsMain()
