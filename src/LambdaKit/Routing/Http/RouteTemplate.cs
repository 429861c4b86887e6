namespace LambdaKit.Routing.Http;

/// <summary>
/// A parsed route template: literal segments, <c>{name}</c> parameters and a final greedy <c>{name+}</c> (API Gateway's
/// <c>{proxy+}</c>). Literals match case-insensitively; empty segments (double or trailing slashes) are ignored.
/// </summary>
internal sealed class RouteTemplate
{
    private readonly Segment[] _segments;

    private RouteTemplate(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
        HasParameters = segments.Any(s => s.Kind != SegmentKind.Literal);
    }

    public string Text { get; }

    public bool HasParameters { get; }

    public static RouteTemplate Parse(string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        var parts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                var name = part[1..^1];
                var greedy = name.EndsWith('+');
                if (greedy)
                {
                    name = name[..^1];
                    if (i != parts.Length - 1)
                    {
                        throw new ArgumentException($"Route '{template}': a greedy parameter {{{name}+}} must be the last segment.", nameof(template));
                    }
                }

                if (name.Length == 0)
                {
                    throw new ArgumentException($"Route '{template}': a parameter has no name.", nameof(template));
                }

                segments[i] = new Segment(greedy ? SegmentKind.Greedy : SegmentKind.Parameter, name);
            }
            else if (part.Contains('{', StringComparison.Ordinal) || part.Contains('}', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Route '{template}': segment '{part}' mixes text and a parameter.", nameof(template));
            }
            else
            {
                segments[i] = new Segment(SegmentKind.Literal, part);
            }
        }

        return new RouteTemplate(template, segments);
    }

    /// <summary>Matches a path; fills <paramref name="values"/> (allocated only when the template has parameters).</summary>
    public bool TryMatch(string path, out Dictionary<string, string>? values)
    {
        values = null;
        var rest = path.AsSpan();
        foreach (var segment in _segments)
        {
            rest = rest.TrimStart('/');
            if (rest.IsEmpty)
            {
                return false;
            }

            if (segment.Kind == SegmentKind.Greedy)
            {
                var remaining = rest.TrimEnd('/');
                (values ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[segment.Value] = Uri.UnescapeDataString(remaining.ToString());
                return true;
            }

            var slash = rest.IndexOf('/');
            var current = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? [] : rest[slash..];
            if (segment.Kind == SegmentKind.Literal)
            {
                if (!current.Equals(segment.Value, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            else
            {
                (values ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[segment.Value] = Uri.UnescapeDataString(current.ToString());
            }

        }

        return rest.TrimStart('/').IsEmpty;
    }

    private enum SegmentKind
    {
        Literal,
        Parameter,
        Greedy,
    }

    private readonly record struct Segment(SegmentKind Kind, string Value);
}
