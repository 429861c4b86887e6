using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Sources;

public sealed class FirehoseTransformationTests
{
    private static SourceHarness Function(Action<BatchOptions>? configure = null) => SourceHarness.Create(services =>
    {
        services.AddSingleton<SourceProbe>();
        services.AddKinesisFirehoseHandler<UpperCaseFirehoseHandler>(configure);
    });

    /// <summary>A Firehose event whose records <c>r0</c>, <c>r1</c>… carry <paramref name="data"/> as base64.</summary>
    private static string Firehose(params string[] data) => new JsonObject
    {
        ["invocationId"] = "inv-1",
        ["deliveryStreamArn"] = "arn:aws:firehose:eu-west-1:111122223333:deliverystream/test",
        ["region"] = "eu-west-1",
        ["records"] = new JsonArray(data.Select((d, i) => (JsonNode)new JsonObject
        {
            ["recordId"] = "r" + i,
            ["approximateArrivalTimestamp"] = 1764672000000 + i,
            ["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(d)),
        }).ToArray()),
    }.ToJsonString();

    private static List<(string Id, string Result, string Data)> Answer(SourceRun run)
    {
        using var document = JsonDocument.Parse(run.Json);
        return document.RootElement.GetProperty("records").EnumerateArray()
            .Select(r => (r.GetProperty("recordId").GetString()!, r.GetProperty("result").GetString()!,
                Encoding.UTF8.GetString(Convert.FromBase64String(r.GetProperty("data").GetString()!))))
            .ToList();
    }

    [Fact]
    public async Task Every_record_is_answered_in_order_with_its_result_and_data()
    {
        await using var function = Function();

        var run = await function.InvokeAsync(SourceHarness.Event("firehose/firehose-direct-put.json"));

        Assert.Equal(
            [
                ("rec-0001", "Ok", "ORDER 1 PLACED"),
                ("rec-0002", "Dropped", "drop"),
                ("rec-0003", "ProcessingFailed", "fail"),
                ("rec-0004", "Ok", "ORDER 2 SHIPPED"),
            ],
            Answer(run));
        Assert.Null(run.UnfinishedWork);
    }

    [Fact]
    public async Task Throwing_record_is_answered_ProcessingFailed_with_its_data_as_received_and_the_others_go_on()
    {
        await using var function = Function();

        var run = await function.InvokeAsync(Firehose("a", "throw", "b"));

        Assert.Equal([("r0", "Ok", "A"), ("r1", "ProcessingFailed", "throw"), ("r2", "Ok", "B")], Answer(run));
        Assert.Equal(["r0", "r1", "r2"], function.Get<SourceProbe>().Seen);
    }

    [Fact]
    public async Task Default_result_counts_as_ProcessingFailed()
    {
        await using var function = Function();

        var run = await function.InvokeAsync(Firehose("default"));

        Assert.Equal([("r0", "ProcessingFailed", "default")], Answer(run));
    }

    [Fact]
    public async Task Records_the_deadline_left_unfinished_are_answered_ProcessingFailed_and_counted()
    {
        // 300 ms a record, deadline at 2 s, margin 500 ms: the token fires at 1.5 s, inside record 4.
        await using var function = Function();

        var run = await function.InvokeAsync(Firehose([.. Enumerable.Repeat("slow", 8)]), TimeSpan.FromSeconds(2));

        var answer = Answer(run);
        Assert.Equal(["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"], answer.Select(a => a.Id));
        Assert.Equal(["Ok", "Ok", "Ok", "Ok", "ProcessingFailed", "ProcessingFailed", "ProcessingFailed", "ProcessingFailed"], answer.Select(a => a.Result));
        Assert.Equal("SLOW", answer[3].Data);
        Assert.Equal("slow", answer[4].Data);
        Assert.Equal(4, run.UnfinishedWork);
        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], function.Get<SourceProbe>().Seen);
    }

    [Fact]
    public async Task Nothing_starts_inside_the_margin_and_every_record_is_still_answered()
    {
        await using var function = Function();

        var run = await function.InvokeAsync(Firehose("a", "b"), TimeSpan.FromMilliseconds(400));

        Assert.Equal([("r0", "ProcessingFailed", "a"), ("r1", "ProcessingFailed", "b")], Answer(run));
        Assert.Empty(function.Get<SourceProbe>().Seen);
        Assert.Equal(2, run.UnfinishedWork);
    }

    [Fact]
    public async Task With_parallelism_the_answer_keeps_the_order_of_the_records()
    {
        await using var function = Function(o => o.MaxDegreeOfParallelism = 4);

        var run = await function.InvokeAsync(Firehose([.. Enumerable.Repeat("yield", 12)]));

        var answer = Answer(run);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => "r" + i), answer.Select(a => a.Id));
        Assert.All(answer, a => Assert.Equal(("Ok", "YIELDED " + a.Id), (a.Result, a.Data)));
    }

    [Fact]
    public async Task Partition_keys_are_answered_in_the_record_metadata()
    {
        await using var function = Function();

        var run = await function.InvokeAsync(Firehose("keys", "x"));

        using var document = JsonDocument.Parse(run.Json);
        var records = document.RootElement.GetProperty("records");
        Assert.Equal("2026", records[0].GetProperty("metadata").GetProperty("partitionKeys").GetProperty("year").GetString());
        Assert.False(records[1].TryGetProperty("metadata", out _));
    }

    [Fact]
    public async Task Record_without_a_record_id_fails_the_invocation_before_any_record_is_handled()
    {
        await using var function = Function();
        var json = Firehose("a", "b").Replace("\"recordId\":\"r1\",", string.Empty, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<MissingRecordIdentifierException>(() => function.InvokeAsync(json));

        Assert.Contains("recordId", error.Message, StringComparison.Ordinal);
        Assert.Empty(function.Get<SourceProbe>().Seen);
    }
}
