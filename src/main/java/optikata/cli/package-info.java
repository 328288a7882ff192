/**
 * The command line (the top layer): {@link optikata.cli.Main} and one picocli command per
 * subcommand, which parse the arguments into the domain's parameters, delegate, and print the
 * results (and the domain's errors, beside the flags that caused them). It may use every other
 * optikata package; no package may use it. The layers are enforced by {@code optikata.LayersTest}.
 */
package optikata.cli;
