using System.Text.RegularExpressions;

namespace LambdaKit.Tests.Architecture;

/// <summary>
/// Which folder of src/LambdaKit declares each type, read from the source files (comments and string literals removed
/// first): the architecture tests map the compiled assembly's types to folders through it.
/// </summary>
internal static partial class SourceTree
{
    private static readonly Lazy<Dictionary<string, string>> Folders = new(Scan);

    /// <summary>
    /// Type name (without generic arity) → the folder, relative to src/LambdaKit with '/' separators (e.g.
    /// <c>Routing/Http</c>), of the file that declares it. Files at the root of src/LambdaKit are not mapped.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two folders declare a type of the same name (the mapping is by name).</exception>
    public static IReadOnlyDictionary<string, string> DeclaringFolders => Folders.Value;

    private static Dictionary<string, string> Scan()
    {
        var root = Path.Combine(RepositoryRoot(), "src", "LambdaKit");
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '/');
            if (folder == "." || folder.Split('/')[0] is "bin" or "obj")
            {
                continue;
            }

            foreach (Match declaration in Declaration().Matches(Literal().Replace(File.ReadAllText(file), string.Empty)))
            {
                var name = declaration.Groups["name"].Value;
                if (folders.TryGetValue(name, out var other) && other != folder)
                {
                    throw new InvalidOperationException($"{name} is declared in both {other}/ and {folder}/: the scan maps types to folders by name.");
                }

                folders[name] = folder;
            }
        }

        return folders;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LambdaKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LambdaKit.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\b(?:class|interface|struct|enum|record(?:\s+(?:struct|class))?)\s+(?<name>[A-Za-z_]\w*)|\bdelegate\s+[^;(]*?\s(?<name>[A-Za-z_]\w*)\s*(?:<[^>]*>)?\s*\(")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"""""""[\s\S]*?""""""|/\*[\s\S]*?\*/|//[^\n]*|@""(?:""""|[^""])*""|""(?:\\.|[^""\\\n])*""")]
    private static partial Regex Literal();
}
