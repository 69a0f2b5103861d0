public import ArgumentParser
public import ClaimPack

/// `--language ru|uk|en`.
extension Language: ExpressibleByArgument {}
