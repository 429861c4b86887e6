using System.Globalization;

namespace LambdaKit.Soak;

/// <summary>The command line of the soak command.</summary>
internal sealed class SoakOptions
{
    public int Invocations { get; private set; } = 100_000;

    public int? Checkpoint { get; private set; }

    public string? Function { get; private set; }

    public string? Report { get; private set; }

    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--invocations":
                    options.Invocations = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--checkpoint":
                    options.Checkpoint = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--function":
                    options.Function = Value();
                    break;
                case "--report":
                    options.Report = Value();
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}: use --invocations N, --checkpoint N, --function PATH, --report PATH.");
            }
        }

        if (options.Invocations < 1)
        {
            throw new ArgumentException("--invocations must be at least 1.");
        }

        return options;
    }

    /// <summary>The repository root: the first folder up from the current one (then from the binary) that holds LambdaKit.sln.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LambdaKit.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the soak command inside the LambdaKit repository (LambdaKit.sln not found).");
    }
}
