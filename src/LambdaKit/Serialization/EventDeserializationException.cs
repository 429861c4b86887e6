using System.Text.Json;

namespace LambdaKit;

/// <summary>
/// The event could not be read as the type its handler expects. Reported to Lambda with error type
/// <c>Function.JsonDeserializationError</c>; the loop goes on with the next invocation.
/// </summary>
public sealed class EventDeserializationException : Exception, ILambdaErrorType
{
    /// <summary>Creates the exception.</summary>
    public EventDeserializationException()
        : base("The event could not be deserialized.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public EventDeserializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EventDeserializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a target type.</summary>
    /// <param name="targetType">The type the event was read as.</param>
    /// <param name="innerException">The JSON error.</param>
    public EventDeserializationException(Type targetType, JsonException innerException)
        : base($"The event could not be deserialized as {Describe(targetType)}: {innerException?.Message}", innerException)
    {
    }

    /// <inheritdoc />
    public string ErrorType => "Function.JsonDeserializationError";

    /// <summary>A type's name as C# writes it (<c>CloudWatchEvent&lt;OrderPlaced&gt;</c>, not <c>CloudWatchEvent`1</c>).</summary>
    internal static string Describe(Type? type)
    {
        if (type is null)
        {
            return "(unknown type)";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return $"{(tick < 0 ? name : name[..tick])}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
    }
}
