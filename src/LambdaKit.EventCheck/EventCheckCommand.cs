using System.Globalization;

namespace LambdaKit.EventCheck;

/// <summary>
/// The command line: <c>lambdakit-eventcheck &lt;folder-or-file&gt; [--strict]</c>. Checks every <c>*.json</c> file under the
/// folder (recursively), prints one line per file and a summary, and returns the exit code.
/// </summary>
internal static class EventCheckCommand
{
    /// <summary>Exit code when every file is OK, not JSON, or (without <c>--strict</c>) unrecognised.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a file lost data in the round trip or could not be read (or, with <c>--strict</c>, was unrecognised).</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a usage error: no folder given, or the folder does not exist.</summary>
    public const int UsageError = 2;

    private const string Usage = """
        Usage: lambdakit-eventcheck <folder-or-file> [--strict]

        Round-trips every *.json event under the folder (recursively) through LambdaKit: detects its source,
        reads it into LambdaKit's event type, writes it back and compares the two documents.

          OK            the event survived the round trip
          LOSS          a member or value differs after the round trip (its JSON path is shown)       -> exit 1
          ERROR         valid JSON of a detected source that its type could not read                  -> exit 1
          NOT-JSON      the file is not valid JSON (reported, not a failure)
          UNRECOGNISED  no event source recognised (responses, unsupported sources)   -> exit 1 with --strict

        A member whose value is null counts as equal to an absent member.
        """;

    /// <summary>Runs the command; never reads standard input.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var strict = false;
        string? target = null;
        foreach (var arg in args)
        {
            switch (arg)
            {
                case "--strict":
                    strict = true;
                    break;
                case "-h" or "--help" or "-?":
                    output.WriteLine(Usage);
                    return Success;
                default:
                    if (arg.StartsWith('-') || target is not null)
                    {
                        error.WriteLine($"Unexpected argument '{arg}'.");
                        error.WriteLine(Usage);
                        return UsageError;
                    }

                    target = arg;
                    break;
            }
        }

        if (target is null)
        {
            error.WriteLine(Usage);
            return UsageError;
        }

        List<(string FullPath, string DisplayPath)> files;
        if (File.Exists(target))
        {
            files = [(Path.GetFullPath(target), Path.GetFileName(target))];
        }
        else if (Directory.Exists(target))
        {
            var root = Path.GetFullPath(target);
            files = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
                .Select(full => (full, Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/')))
                .OrderBy(f => f.Item2, StringComparer.Ordinal)
                .ToList();
        }
        else
        {
            error.WriteLine($"'{target}' is neither a folder nor a file.");
            return UsageError;
        }

        var counts = new Dictionary<EventCheckOutcome, int>();
        foreach (var (fullPath, displayPath) in files)
        {
            EventCheckResult result;
            try
            {
                result = EventChecker.Check(File.ReadAllBytes(fullPath), displayPath);
            }
            catch (IOException exception)
            {
                result = new EventCheckResult(displayPath, EventCheckOutcome.Error, Events.EventSourceKind.Unknown, "cannot read the file: " + exception.Message);
            }
            catch (UnauthorizedAccessException exception)
            {
                result = new EventCheckResult(displayPath, EventCheckOutcome.Error, Events.EventSourceKind.Unknown, "cannot read the file: " + exception.Message);
            }

            counts[result.Outcome] = counts.GetValueOrDefault(result.Outcome) + 1;
            output.WriteLine(Format(result));
        }

        var failed = counts.GetValueOrDefault(EventCheckOutcome.Loss)
            + counts.GetValueOrDefault(EventCheckOutcome.Error)
            + (strict ? counts.GetValueOrDefault(EventCheckOutcome.Unrecognised) : 0);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{files.Count} file(s): {counts.GetValueOrDefault(EventCheckOutcome.Ok)} OK, {counts.GetValueOrDefault(EventCheckOutcome.Loss)} LOSS, {counts.GetValueOrDefault(EventCheckOutcome.Error)} ERROR, {counts.GetValueOrDefault(EventCheckOutcome.NotJson)} NOT-JSON, {counts.GetValueOrDefault(EventCheckOutcome.Unrecognised)} UNRECOGNISED{(strict ? " (strict)" : string.Empty)}"));
        output.WriteLine(failed == 0 ? "Event check passed." : $"Event check FAILED: {failed} file(s).");
        return failed == 0 ? Success : Failure;
    }

    /// <summary>The one line printed for a file.</summary>
    public static string Format(EventCheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var label = result.Outcome switch
        {
            EventCheckOutcome.Ok => "OK",
            EventCheckOutcome.Loss => "LOSS",
            EventCheckOutcome.Error => "ERROR",
            EventCheckOutcome.NotJson => "NOT-JSON",
            _ => "UNRECOGNISED",
        };
        var kind = result.Kind == Events.EventSourceKind.Unknown ? string.Empty : $" [{result.Kind}]";
        var detail = result.Outcome == EventCheckOutcome.Loss ? " at " + result.Detail : result.Detail is null ? string.Empty : ": " + result.Detail;
        return $"{label,-12} {result.Path}{kind}{detail}";
    }
}
