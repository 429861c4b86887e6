using System.Collections.Concurrent;
using System.Globalization;

namespace LambdaKitApi;

/// <summary>
/// The todos, in memory. An execution environment lives for many invocations but not forever, and each has its own:
/// replace this with a real store (DynamoDB, a database) before you deploy.
/// </summary>
internal sealed class TodoStore
{
    private readonly ConcurrentDictionary<string, Todo> _todos = new(StringComparer.Ordinal);
    private int _lastId;

    /// <summary>Adds a todo with the next id.</summary>
    public Todo Add(string title)
    {
        var todo = new Todo(Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture), title);
        _todos[todo.Id] = todo;
        return todo;
    }

    /// <summary>The todo with this id, or <see langword="null"/>.</summary>
    public Todo? Find(string? id) => id is not null && _todos.TryGetValue(id, out var todo) ? todo : null;
}
