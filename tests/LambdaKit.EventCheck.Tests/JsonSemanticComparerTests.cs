namespace LambdaKit.EventCheck.Tests;

public class JsonSemanticComparerTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[1,2]}""", """{"b":[1,2],"a":1}""", null)]
    [InlineData("""{"n":1607497475.000}""", """{"n":1607497475}""", null)]
    [InlineData("""{"n":1.5}""", """{"n":1.50}""", null)]
    [InlineData("""{"n":1e3}""", """{"n":1000}""", null)]
    [InlineData("""{"s":"a\u0062"}""", """{"s":"ab"}""", null)]
    [InlineData("""{"a":{"b":[1,{"c":"x"}]}}""", """{"a":{"b":[1,{"c":"y"}]}}""", "$.a.b[1].c:")]
    [InlineData("""{"a":{"b":1}}""", """{"a":{}}""", "$.a.b: expected 1 but the member is missing")]
    [InlineData("""{"a":{}}""", """{"a":{"x-y":false}}""", "$.a['x-y']: unexpected member")]
    [InlineData("""{"a":[1,2]}""", """{"a":[1]}""", "$.a: expected an array of 2 elements but found 1")]
    [InlineData("""{"a":[null]}""", """{"a":[]}""", "$.a: expected an array of 1 elements but found 0")]
    [InlineData("""{"a":1}""", """{"a":"1"}""", "$.a: expected 1 but found \"1\"")]
    [InlineData("""{"a":1}""", """{"a":1.0001}""", "$.a: expected the number 1")]
    [InlineData("""{"a":null}""", """{"a":false}""", "$.a:")]
    [InlineData("""{"a":false}""", """{}""", "$.a: expected false but the member is missing")]
    [InlineData("""{"a":0}""", """{}""", "$.a: expected 0 but the member is missing")]
    [InlineData("""{"a":""}""", """{}""", "$.a: expected \"\" but the member is missing")]
    // A null member is an absent member, on either side, at any depth.
    [InlineData("""{"a":null,"b":{"c":null,"d":1}}""", """{"b":{"d":1}}""", null)]
    [InlineData("""{"b":{"d":1}}""", """{"a":null,"b":{"d":1,"c":null}}""", null)]
    public void Reports_the_path_of_the_first_difference(string expected, string actual, string? differenceStart)
    {
        var difference = JsonSemanticComparer.FindFirstDifference(expected, actual);
        if (differenceStart is null)
        {
            Assert.Null(difference);
        }
        else
        {
            Assert.NotNull(difference);
            Assert.StartsWith(differenceStart, difference, StringComparison.Ordinal);
        }
    }
}
