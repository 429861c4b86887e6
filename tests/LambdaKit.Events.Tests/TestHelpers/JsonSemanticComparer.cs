using System.Text;

namespace LambdaKit.Events.Tests.TestHelpers;

/// <summary>
/// Assertions over the event-check command's semantic JSON comparison (<see cref="EventCheck.JsonSemanticComparer"/>):
/// member order, whitespace, escapes and number spelling do not matter, and a null member equals an absent one.
/// </summary>
public static class JsonSemanticComparer
{
    /// <summary>Returns a description of the first difference, starting with its JSON path, or <see langword="null"/> when the documents are equivalent.</summary>
    public static string? FindFirstDifference(string expectedJson, string actualJson) =>
        EventCheck.JsonSemanticComparer.FindFirstDifference(expectedJson, actualJson);

    /// <summary>Returns a description of the first difference, starting with its JSON path, or <see langword="null"/> when the documents are equivalent.</summary>
    public static string? FindFirstDifference(ReadOnlySpan<byte> expectedUtf8, ReadOnlySpan<byte> actualUtf8) =>
        EventCheck.JsonSemanticComparer.FindFirstDifference(expectedUtf8, actualUtf8);

    /// <summary>Fails the test with the path of the first difference when the documents are not equivalent.</summary>
    public static void AssertEquivalent(ReadOnlySpan<byte> expectedUtf8, ReadOnlySpan<byte> actualUtf8)
    {
        var difference = FindFirstDifference(expectedUtf8, actualUtf8);
        if (difference is not null)
        {
            Assert.Fail($"The JSON documents differ at {difference}.{Environment.NewLine}Actual: {Encoding.UTF8.GetString(actualUtf8)}");
        }
    }

    /// <summary>Fails the test with the path of the first difference when the documents are not equivalent.</summary>
    public static void AssertEquivalent(string expectedJson, string actualJson) =>
        AssertEquivalent(Encoding.UTF8.GetBytes(expectedJson), Encoding.UTF8.GetBytes(actualJson));
}
