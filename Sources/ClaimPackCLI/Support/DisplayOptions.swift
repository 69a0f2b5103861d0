internal import ArgumentParser

/// `--color auto|always|never`, which every command takes: whether `error`, `warning`,
/// `note` and `NOT INTACT` are coloured.
struct DisplayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Colour error, warning, note and NOT INTACT: auto (on a terminal, unless NO_COLOR or TERM=dumb), always or never.",
                               valueName: "when"))
    var color: Console.ColorChoice = .auto

    /// Called by the parser once the options are read: from here on every line printed
    /// is coloured (or not) as chosen.
    mutating func validate() throws {
        Console.colorChoice = color
    }
}
