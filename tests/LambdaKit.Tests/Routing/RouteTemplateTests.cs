using LambdaKit.Routing.Http;

namespace LambdaKit.Tests.Routing;

public sealed class RouteTemplateTests
{
    [Theory]
    [InlineData("/hello", "/hello")]
    [InlineData("/hello", "/HELLO")]
    [InlineData("/hello", "/hello/")]
    [InlineData("/a/b", "//a//b")]
    [InlineData("/", "/")]
    public void Literal_template_matches_case_insensitively_ignoring_empty_segments(string template, string path)
    {
        Assert.True(RouteTemplate.Parse(template).TryMatch(path, out var values));
        Assert.Null(values);
    }

    [Theory]
    [InlineData("/hello", "/hello/world")]
    [InlineData("/hello/world", "/hello")]
    [InlineData("/orders/{id}", "/orders")]
    [InlineData("/orders/{id}", "/orders/1/items")]
    [InlineData("/files/{path+}", "/files")]
    public void Template_does_not_match_other_shapes(string template, string path)
    {
        Assert.False(RouteTemplate.Parse(template).TryMatch(path, out _));
    }

    [Fact]
    public void Parameters_are_captured_and_url_decoded()
    {
        Assert.True(RouteTemplate.Parse("/orders/{id}/items/{item}").TryMatch("/orders/a%20b/items/7", out var values));

        Assert.Equal("a b", values!["id"]);
        Assert.Equal("7", values["ITEM"]);
    }

    [Fact]
    public void Greedy_parameter_captures_the_rest_of_the_path()
    {
        Assert.True(RouteTemplate.Parse("/files/{proxy+}").TryMatch("/files/2026/11/report.pdf", out var values));

        Assert.Equal("2026/11/report.pdf", values!["proxy"]);
    }

    [Theory]
    [InlineData("/files/{proxy+}/more")]
    [InlineData("/orders/{}")]
    [InlineData("/orders/x{id}")]
    public void Invalid_templates_are_refused_at_registration(string template)
    {
        Assert.Throws<ArgumentException>(() => RouteTemplate.Parse(template));
    }
}
