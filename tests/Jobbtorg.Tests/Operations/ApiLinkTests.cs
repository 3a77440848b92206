using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Http;

namespace Jobbtorg.Tests.Operations;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class ApiLinkTests(JobbtorgAppFactory app)
{
    private const string ApiLink = "href=\"/api/docs\"";

    [Fact]
    public async Task Administrators_find_the_API_reference_in_the_menu()
    {
        var administrator = await app.SignInAsNewAsync(Roles.Administrator);
        Assert.Contains(ApiLink, await administrator.GetStringAsync("/"));
    }

    [Theory]
    [InlineData(Roles.Coach, "farsta", null)]
    [InlineData(Roles.Manager, "farsta", null)]
    [InlineData(Roles.Analyst, null, null)]
    [InlineData(Roles.CaseWorker, null, "enskede-arsta-vantor")]
    public async Task Staff_who_are_not_administrators_see_no_link_to_the_English_developer_page(string role, string? centre, string? district)
    {
        var user = await app.SignInAsNewAsync(role, centre, district);
        var page = await user.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("aria-label=\"Huvudmeny\"", html);
        Assert.DoesNotContain(ApiLink, html);
    }
}
