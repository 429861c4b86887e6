namespace LambdaKit.EventCheck.Tests;

public class EventCheckCommandTests
{
    private const string SqsWithUnknownMember = """
        {"Records":[{"messageId":"m-1","body":"hello","eventSource":"aws:sqs","awsRegion":"eu-west-1","futureField":{"x":1}}]}
        """;

    private static (int ExitCode, string[] Lines, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = EventCheckCommand.Run(args, output, error);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        return (exitCode, lines, error.ToString());
    }

    [Fact]
    public void Folder_of_events_that_survive_the_round_trip_passes_with_one_OK_line_per_file()
    {
        using var folder = new TempFolder()
            .CopyEvent("sqs/standard.json")
            .CopyEvent("kinesis/records.json")
            .CopyEvent("dynamodb/insert-modify-remove.json")
            .CopyEvent("eventbridge/scheduled.json")
            .Write("notes.txt", "not an event, and not *.json: ignored");

        var (exitCode, lines, error) = Run(folder.Path);

        Assert.Equal(EventCheckCommand.Success, exitCode);
        Assert.Empty(error);
        Assert.Equal(
            [
                "OK           dynamodb/insert-modify-remove.json [DynamoDb]",
                "OK           eventbridge/scheduled.json [Schedule]",
                "OK           kinesis/records.json [Kinesis]",
                "OK           sqs/standard.json [Sqs]",
                "4 file(s): 4 OK, 0 LOSS, 0 ERROR, 0 NOT-JSON, 0 UNRECOGNISED",
                "Event check passed.",
            ],
            lines);
    }

    [Fact]
    public void Member_the_type_does_not_keep_is_a_loss_reported_with_its_json_path_and_fails()
    {
        using var folder = new TempFolder().CopyEvent("sns/notification.json").Write("captured/sqs-new-field.json", SqsWithUnknownMember);

        var (exitCode, lines, _) = Run(folder.Path);

        Assert.Equal(EventCheckCommand.Failure, exitCode);
        Assert.Equal("LOSS         captured/sqs-new-field.json [Sqs] at $.Records[0].futureField: expected an object but the member is missing (read as SQSEvent)", lines[0]);
        Assert.StartsWith("OK           sns/notification.json", lines[1], StringComparison.Ordinal);
        Assert.Equal("2 file(s): 1 OK, 1 LOSS, 0 ERROR, 0 NOT-JSON, 0 UNRECOGNISED", lines[2]);
        Assert.Equal("Event check FAILED: 1 file(s).", lines[3]);
    }

    [Fact]
    public void Value_written_back_differently_is_a_loss()
    {
        // A DateTime with trailing zeros in its fraction comes back shorter: the checker shows it, it does not hide it.
        using var folder = new TempFolder().Write("s3.json", """
            {"Records":[{"eventSource":"aws:s3","eventTime":"2026-01-02T03:04:05.100Z","s3":{"object":{"key":"a","size":1}}}]}
            """);

        var (exitCode, lines, _) = Run(folder.Path);

        Assert.Equal(EventCheckCommand.Failure, exitCode);
        Assert.Equal("LOSS         s3.json [S3] at $.Records[0].eventTime: expected \"2026-01-02T03:04:05.100Z\" but found \"2026-01-02T03:04:05.1Z\" (read as S3Event)", lines[0]);
    }

    [Fact]
    public void Valid_json_of_a_detected_source_that_its_type_cannot_read_is_an_error_and_fails()
    {
        using var folder = new TempFolder()
            .Write("sqs-number-body.json", """{"Records":[{"eventSource":"aws:sqs","messageId":"m","body":42}]}""")
            .Write("kinesis-bad-base64.json", """{"Records":[{"eventSource":"aws:kinesis","kinesis":{"data":"not base64!"}}]}""");

        var (exitCode, lines, _) = Run(folder.Path);

        Assert.Equal(EventCheckCommand.Failure, exitCode);
        Assert.StartsWith("ERROR        kinesis-bad-base64.json [Kinesis]: reading as KinesisEvent failed: JsonException: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("ERROR        sqs-number-body.json [Sqs]: reading as SQSEvent failed: JsonException: ", lines[1], StringComparison.Ordinal);
        Assert.Contains("$.Records[0].body", lines[1], StringComparison.Ordinal);
        Assert.Equal("2 file(s): 0 OK, 0 LOSS, 2 ERROR, 0 NOT-JSON, 0 UNRECOGNISED", lines[2]);
    }

    [Fact]
    public void Malformed_json_is_reported_with_the_parser_message_and_does_not_fail()
    {
        using var folder = new TempFolder()
            .CopyEvent("dynamodb/malformed-truncated.json")
            .Write("empty.json", string.Empty)
            .CopyEvent("sqs/fifo.json");

        var (exitCode, lines, _) = Run(folder.Path);

        Assert.Equal(EventCheckCommand.Success, exitCode);
        Assert.StartsWith("NOT-JSON     dynamodb/malformed-truncated.json: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("LineNumber", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("NOT-JSON     empty.json: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("OK           sqs/fifo.json", lines[2], StringComparison.Ordinal);
        Assert.Equal("3 file(s): 1 OK, 0 LOSS, 0 ERROR, 2 NOT-JSON, 0 UNRECOGNISED", lines[3]);
    }

    [Fact]
    public void Unrecognised_files_are_listed_and_fail_only_when_strict()
    {
        using var folder = new TempFolder()
            .CopyEvent("apigateway/http-api-v2-response.json")
            .Write("custom/order.json", """{"orderId":"o-1","total":3}""")
            .Write("custom/list.json", "[1,2]")
            .Write("records/future-source.json", """{"Records":[{"eventSource":"aws:some-future-service","id":1}]}""")
            .CopyEvent("sqs/standard.json");

        var (exitCode, lines, _) = Run(folder.Path);

        Assert.Equal(EventCheckCommand.Success, exitCode);
        Assert.Equal("UNRECOGNISED apigateway/http-api-v2-response.json: no event source recognised in an object with members statusCode, headers, cookies, body, isBase64Encoded", lines[0]);
        Assert.Equal("UNRECOGNISED custom/list.json: no event source recognised in a JSON array (an event is an object)", lines[1]);
        Assert.Equal("UNRECOGNISED custom/order.json: no event source recognised in an object with members orderId, total", lines[2]);
        Assert.Equal("UNRECOGNISED records/future-source.json: no event source recognised in an object with members Records (Records[0] has event source \"aws:some-future-service\")", lines[3]);
        Assert.Equal("5 file(s): 1 OK, 0 LOSS, 0 ERROR, 0 NOT-JSON, 4 UNRECOGNISED", lines[5]);
        Assert.Equal("Event check passed.", lines[6]);

        var strict = Run(folder.Path, "--strict");
        Assert.Equal(EventCheckCommand.Failure, strict.ExitCode);
        Assert.Equal("5 file(s): 1 OK, 0 LOSS, 0 ERROR, 0 NOT-JSON, 4 UNRECOGNISED (strict)", strict.Lines[5]);
        Assert.Equal("Event check FAILED: 4 file(s).", strict.Lines[6]);
    }

    [Fact]
    public void Strict_still_passes_when_every_file_is_recognised()
    {
        using var folder = new TempFolder().CopyEvent("sqs/standard.json");
        Assert.Equal(EventCheckCommand.Success, Run("--strict", folder.Path).ExitCode);
    }

    [Fact]
    public void Leading_byte_order_mark_is_skipped()
    {
        using var folder = new TempFolder().Write("bom.json", "\uFEFF" + """{"Records":[{"eventSource":"aws:sqs","messageId":"m","body":"b"}]}""");
        var bytes = File.ReadAllBytes(Path.Combine(folder.Path, "bom.json"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var (exitCode, lines, _) = Run(folder.Path);

        Assert.Equal(EventCheckCommand.Success, exitCode);
        Assert.Equal("OK           bom.json [Sqs]", lines[0]);
    }

    [Fact]
    public void Single_file_can_be_checked()
    {
        using var folder = new TempFolder().Write("one.json", SqsWithUnknownMember).CopyEvent("sqs/standard.json");

        var (exitCode, lines, _) = Run(Path.Combine(folder.Path, "one.json"));

        Assert.Equal(EventCheckCommand.Failure, exitCode);
        Assert.StartsWith("LOSS         one.json [Sqs]", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1 file(s):", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_folder_passes_with_a_zero_count()
    {
        using var folder = new TempFolder();

        var (exitCode, lines, _) = Run(folder.Path);

        Assert.Equal(EventCheckCommand.Success, exitCode);
        Assert.Equal("0 file(s): 0 OK, 0 LOSS, 0 ERROR, 0 NOT-JSON, 0 UNRECOGNISED", lines[0]);
    }

    [Theory]
    [InlineData]
    [InlineData("--strict")]
    [InlineData("--verbose", ".")]
    [InlineData(".", "..")]
    [InlineData("/no/such/folder-for-lambdakit")]
    public void Usage_error_exits_2_with_a_message_on_standard_error(params string[] args)
    {
        var (exitCode, lines, error) = Run(args);

        Assert.Equal(EventCheckCommand.UsageError, exitCode);
        Assert.Empty(lines);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Help_prints_the_usage_and_succeeds()
    {
        var (exitCode, lines, _) = Run("--help");

        Assert.Equal(EventCheckCommand.Success, exitCode);
        Assert.StartsWith("Usage: lambdakit-eventcheck <folder-or-file> [--strict]", lines[0], StringComparison.Ordinal);
    }
}
