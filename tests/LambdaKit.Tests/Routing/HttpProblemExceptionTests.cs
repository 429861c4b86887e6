namespace LambdaKit.Tests.Routing;

public sealed class HttpProblemExceptionTests
{
    [Fact]
    public void Every_400_constructor_given_a_message_shows_it_as_the_detail()
    {
        var plain = new HttpProblemException("order id must be a number");
        var withCause = new HttpProblemException("order id must be a number", new FormatException("not a number"));

        Assert.Equal("order id must be a number", plain.Detail);
        Assert.Equal("order id must be a number", withCause.Detail);
        Assert.Equal((400, "Bad Request"), (withCause.StatusCode, withCause.Title));
        Assert.IsType<FormatException>(withCause.InnerException);
    }
}
