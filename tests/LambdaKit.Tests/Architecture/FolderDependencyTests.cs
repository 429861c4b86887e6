using System.Reflection;
using System.Reflection.Emit;

namespace LambdaKit.Tests.Architecture;

/// <summary>
/// The folders of src/LambdaKit are layers, and a lower layer never names a type of a higher one (ARCHITECTURE.md).
/// Which folder a type belongs to is read from the source tree (the file that declares it); which types a folder uses is
/// read from the compiled assembly: base types, interfaces, fields, properties, signatures, locals and every type, method
/// and field token in the IL of its method bodies (lambdas and state machines count for the type that contains them).
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>The layers, highest first: a folder may use the folders after it, never one before it.</summary>
    private static readonly string[] Layers =
    [
        "Hosting",       // builder, AddLambdaKit, options: composes everything below
        "Invocation",    // the loop and one invocation's pipeline
        "Batching",      // batch record handlers and their runner (registered through Routing's registrations)
        "Routing",       // source table, dispatcher, HTTP and WebSocket routes
        "Warm",          // warm-container state
        "Handlers",      // handler contracts and base classes
        "Logging",       // the Lambda log writer and logger provider
        "Context",       // ILambdaContext, the invocation context and its deadline
        "Serialization", // source-generated JSON helpers, pooled buffers, the deserialization error
        "Runtime",       // transport: Runtime API client and connection, invocation headers, error envelope
    ];

    /// <summary>
    /// Dependencies that point up today and are to be removed (issue 10, item 1). A new upward dependency fails
    /// <see cref="Every_folder_dependency_points_down_the_layers_or_is_a_known_back_edge"/>; a removed one must leave this
    /// list (<see cref="Every_known_back_edge_still_exists"/>), so that it only shrinks.
    /// </summary>
    private static readonly (string From, string To, string Why)[] KnownBackEdges =
    [
    ];

    private static readonly Lazy<Dictionary<(string From, string To), SortedSet<string>>> Graph = new(BuildGraph);

    [Fact]
    public void Runtime_depends_on_no_other_folder()
    {
        var uses = Graph.Value.Where(edge => edge.Key.From == "Runtime").Select(Describe).ToList();
        Assert.True(uses.Count == 0, "Runtime/ is the transport and must not name a type of another folder:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void Every_folder_dependency_points_down_the_layers_or_is_a_known_back_edge()
    {
        var upward = Graph.Value
            .Where(edge => Rank(edge.Key.From) >= Rank(edge.Key.To))
            .Where(edge => !KnownBackEdges.Any(known => known.From == edge.Key.From && known.To == edge.Key.To))
            .Select(Describe)
            .ToList();
        Assert.True(upward.Count == 0, "These folders name types of a folder above them (see Layers):\n" + string.Join("\n", upward));
    }

    [Fact]
    public void Every_known_back_edge_still_exists()
    {
        var gone = KnownBackEdges.Where(known => !Graph.Value.ContainsKey((known.From, known.To))).ToList();
        Assert.True(gone.Count == 0, "Fixed back edges: remove them from KnownBackEdges: " + string.Join(", ", gone.Select(g => $"{g.From} -> {g.To}")));
    }

    [Fact]
    public void Folder_graph_without_the_known_back_edges_has_no_cycle()
    {
        var edges = Graph.Value.Keys
            .Where(edge => !KnownBackEdges.Any(known => known.From == edge.From && known.To == edge.To))
            .ToList();
        var cycle = FindCycle(edges);
        Assert.True(cycle is null, "Folder cycle: " + (cycle is null ? string.Empty : string.Join(" -> ", cycle)));
    }

    [Fact]
    public void Every_folder_with_code_has_a_layer()
    {
        var folders = DeclaredTypes().Values.Distinct().Where(folder => Array.IndexOf(Layers, folder) < 0).ToList();
        Assert.True(folders.Count == 0, "Place these folders in Layers: " + string.Join(", ", folders));
    }

    [Fact]
    public void The_scan_sees_the_dependencies_the_code_has()
    {
        // Guards the scanner itself: a signature use, an IL-only use (a constructor call in a method body) and a use
        // inside an async state machine must all be found, or every rule above would pass vacuously.
        Assert.Contains("LambdaRuntimeLoop", Graph.Value[("Hosting", "Invocation")]);
        Assert.Contains("InvocationContext", Graph.Value[("Invocation", "Context")]);
        Assert.Contains("RuntimeApiClient", Graph.Value[("Hosting", "Runtime")]);
    }

    private static int Rank(string folder) => Array.IndexOf(Layers, folder);

    private static string Describe(KeyValuePair<(string From, string To), SortedSet<string>> edge)
        => $"  {edge.Key.From} -> {edge.Key.To}: {string.Join(", ", edge.Value)}";

    private static List<string>? FindCycle(List<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the stack, 2 = done
        var stack = new List<string>();
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } found)
            {
                return found;
            }
        }

        return null;

        List<string>? Visit(string node)
        {
            if (state.TryGetValue(node, out var seen))
            {
                return seen == 1 ? [.. stack.Skip(stack.IndexOf(node)), node] : null;
            }

            state[node] = 1;
            stack.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (Visit(to) is { } found)
                {
                    return found;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    /// <summary>Folder → folder edges of src/LambdaKit, each with the names of the types that make it.</summary>
    private static Dictionary<(string From, string To), SortedSet<string>> BuildGraph()
    {
        var folders = DeclaredTypes();
        var assembly = typeof(LambdaApplication).Assembly;
        var graph = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var type in assembly.GetTypes())
        {
            if (FolderOf(type, folders) is not { } from)
            {
                continue;
            }

            foreach (var used in UsedTypes(type).Where(t => t.Assembly == assembly))
            {
                if (FolderOf(used, folders) is { } to && to != from)
                {
                    if (!graph.TryGetValue((from, to), out var names))
                    {
                        graph[(from, to)] = names = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    names.Add(SimpleName(Outermost(used)));
                }
            }
        }

        return graph;
    }

    private static string? FolderOf(Type type, Dictionary<string, string> folders)
        => folders.GetValueOrDefault(SimpleName(Outermost(type)));

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition ? type.GetGenericTypeDefinition() : type;
    }

    private static string SimpleName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static List<Type> UsedTypes(Type type)
    {
        var found = new List<Type>();
        Add(type.BaseType);
        foreach (var face in type.GetInterfaces())
        {
            Add(face);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            ScanBody(method, type, Add);
        }

        return found;

        void Add(Type? used)
        {
            if (used is null)
            {
                return;
            }

            if (used.HasElementType)
            {
                Add(used.GetElementType());
                return;
            }

            found.Add(used);
            if (used.IsGenericType && !used.IsGenericTypeDefinition)
            {
                foreach (var argument in used.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>Adds the declaring or named type of every type, method and field token in a method body's IL.</summary>
    private static void ScanBody(MethodBase method, Type owner, Action<Type?> add)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            add(local.LocalType);
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = owner.IsGenericTypeDefinition ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethodDefinition ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE && at + 1 < il.Length ? (short)(0xFE00 | il[at + 1]) : il[at];
            if (!OpCodesByValue.TryGetValue(value, out var code))
            {
                return; // not a well-formed body we can read: stop rather than misread
            }

            at += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    try
                    {
                        switch (method.Module.ResolveMember(token, typeArguments, methodArguments))
                        {
                            case Type named:
                                add(named);
                                break;
                            case MethodBase called:
                                add(called.DeclaringType);
                                if (called is MethodInfo { IsGenericMethod: true } generic)
                                {
                                    foreach (var argument in generic.GetGenericArguments())
                                    {
                                        add(argument);
                                    }
                                }

                                break;
                            case FieldInfo field:
                                add(field.DeclaringType);
                                break;
                        }
                    }
                    catch (ArgumentException)
                    {
                        // A token that needs a generic context we do not have: skip it.
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                default:
                    at += 4;
                    break;
            }
        }
    }

    /// <summary>Type name → the top folder of src/LambdaKit whose file declares it (generated partials have a source half).</summary>
    private static Dictionary<string, string> DeclaredTypes()
        => SourceTree.DeclaringFolders.ToDictionary(entry => entry.Key, entry => entry.Value.Split('/')[0], StringComparer.Ordinal);
}
