using System.Runtime.CompilerServices;

namespace LambdaKit.Tests.Architecture;

/// <summary>
/// Namespaces follow folders (issue 10): a type that users do not see lives in <c>LambdaKit.&lt;Folder&gt;</c> (subfolders
/// included: <c>Routing/Http</c> is <c>LambdaKit.Routing.Http</c>), so that its folder is found from its name. A public type
/// may instead stay in the root <c>LambdaKit</c> namespace (one <c>using</c> for users), and a public
/// <c>…ServiceCollectionExtensions</c> class in <c>Microsoft.Extensions.DependencyInjection</c>. IDE0130 cannot make these
/// exceptions, hence this test. Which folder a type is in is read from the source tree, its visibility and namespace from
/// the compiled assembly.
/// </summary>
public sealed class NamespaceFolderTests
{
    private const string RootNamespace = "LambdaKit";
    private const string ExtensionsNamespace = "Microsoft.Extensions.DependencyInjection";

    private static readonly Lazy<List<(Type Type, string Folder)>> Types = new(DeclaredTopLevelTypes);

    [Fact]
    public void Every_non_public_type_is_in_the_namespace_of_its_folder()
    {
        var misplaced = Types.Value
            .Where(t => !t.Type.IsPublic && t.Type.Namespace != FolderNamespace(t.Folder))
            .Select(t => $"  {t.Type.FullName} (in {t.Folder}/): expected namespace {FolderNamespace(t.Folder)}")
            .ToList();
        Assert.True(misplaced.Count == 0, "Move these internal types to the namespace of their folder:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void Every_public_type_is_in_the_root_namespace_or_the_namespace_of_its_folder()
    {
        var misplaced = Types.Value
            .Where(t => t.Type.IsPublic)
            .Where(t => t.Type.Namespace != RootNamespace && t.Type.Namespace != FolderNamespace(t.Folder))
            .Where(t => !(t.Type.Namespace == ExtensionsNamespace && t.Type.IsAbstract && t.Type.IsSealed && t.Type.Name.EndsWith("ServiceCollectionExtensions", StringComparison.Ordinal)))
            .Select(t => $"  {t.Type.FullName} (in {t.Folder}/)")
            .ToList();
        Assert.True(misplaced.Count == 0, $"Public types belong in {RootNamespace}, their folder's namespace, or (extension classes) {ExtensionsNamespace}:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void The_scan_sees_the_types_of_every_folder_with_their_visibility()
    {
        // Guards the scan itself: internal types of a folder and of a subfolder, and a public one, must all be seen.
        var seen = Types.Value.ToDictionary(t => t.Type.Name, t => t.Folder, StringComparer.Ordinal);
        Assert.Equal("Hosting", seen["InProcessHost"]);
        Assert.Equal("Routing/Http", seen["RouteTemplate"]);
        Assert.Equal("Serialization", seen["JsonElementReaders"]);
        Assert.Equal("Hosting", seen["LambdaApplication"]);
        Assert.Contains(Types.Value, t => !t.Type.IsPublic && t.Folder == "Routing/Http");
        Assert.True(Types.Value.Count > 100, $"Only {Types.Value.Count} types were matched to a folder.");
    }

    private static string FolderNamespace(string folder) => RootNamespace + "." + folder.Replace('/', '.');

    /// <summary>The top-level, hand-written types of LambdaKit, each with the folder (relative to src/LambdaKit) of its file.</summary>
    private static List<(Type, string)> DeclaredTopLevelTypes()
    {
        var folders = SourceTree.DeclaringFolders;
        var found = new List<(Type, string)>();
        foreach (var type in typeof(LambdaApplication).Assembly.GetTypes())
        {
            if (type.IsNested || type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            {
                continue;
            }

            // A type no source file declares is generated (regex, logging and JSON source generators): not ours to place.
            if (folders.TryGetValue(SimpleName(type), out var folder))
            {
                found.Add((type, folder));
            }
        }

        return found;
    }

    private static string SimpleName(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }
}
