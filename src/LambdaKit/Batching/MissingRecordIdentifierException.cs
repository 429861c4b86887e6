namespace LambdaKit;

/// <summary>
/// A record of an SQS, Kinesis or DynamoDB batch has no identifier (<c>messageId</c> or sequence number), so its failure could
/// not be reported: Lambda treats a partial batch response with a null, empty or unknown identifier as a failure of the whole
/// batch anyway. LambdaKit checks every record before it handles any and fails the invocation with error type
/// <c>Runtime.MissingRecordIdentifier</c>, so that no record is handled twice and none is lost.
/// </summary>
public sealed class MissingRecordIdentifierException : Exception, ILambdaErrorType
{
    /// <summary>Creates the exception.</summary>
    public MissingRecordIdentifierException()
        : base("A record of the batch has no identifier.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which record, of which batch.</param>
    public MissingRecordIdentifierException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which record, of which batch.</param>
    /// <param name="innerException">The cause.</param>
    public MissingRecordIdentifierException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public string ErrorType => "Runtime.MissingRecordIdentifier";
}
