using System.Net.Http.Json;
using Jobbtorg.Features.Access;

namespace Jobbtorg.Tests.Http;

[Collection(HttpCollection.Name)]
[Trait("Category", "Http")]
public sealed class MyWorkTests(JobbtorgAppFactory app)
{
    private async Task<int> ReferAsync(string district, string referralDate, string firstName) =>
        int.Parse((await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), firstName, lastName = "Testsson", district,
            targetGroup = "UnemployedOnBenefit", referralDate,
        })).Headers.Location!.OriginalString.Split('/').Last());

    [Fact]
    public async Task Start_pages_show_what_needs_doing_for_each_role()
    {
        // Today is Tue 10 March 2026. Skarpnäck is served by Jobbtorg Farsta.
        var coachUser = await app.CreateUserAsync(Roles.Coach, centre: "farsta", name: "Coach Överblick");
        var coach = await app.SignInAsync(coachUser);
        var overdue = await ReferAsync("skarpnack", "2026-02-20", "Försenad");
        var dueToday = await ReferAsync("skarpnack", "2026-03-03", "Idag");
        var waiting = await ReferAsync("skarpnack", "2026-03-09", "Väntar");
        // Enrolled Mon 23 Feb → deadline Mon 2 Mar (overdue); enrolled Tue 3 Mar → deadline Tue 10 Mar (today).
        await coach.SubmitFormAsync($"/Cases/Enrol/{overdue}", new() { ["EnrolmentDate"] = "2026-02-23", ["CoachId"] = coachUser.Id });
        await coach.SubmitFormAsync($"/Cases/Enrol/{dueToday}", new() { ["EnrolmentDate"] = "2026-03-03", ["CoachId"] = coachUser.Id });

        var myWork = await coach.GetStringAsync("/");
        var mine = myWork[myWork.IndexOf("data-testid=\"my-cases\"", StringComparison.Ordinal)..myWork.IndexOf("id=\"await-h\"", StringComparison.Ordinal)];
        Assert.Matches($"/Cases/Details/{overdue}\">Försenad Testsson</a>(.|\\n)*?badge bad\">Jobbplan försenad", mine);
        Assert.Matches($"/Cases/Details/{dueToday}\">Idag Testsson</a>(.|\\n)*?badge warn\">Jobbplan senast i dag", mine);
        Assert.True(mine.IndexOf("Försenad Testsson", StringComparison.Ordinal) < mine.IndexOf("Idag Testsson", StringComparison.Ordinal), "Overdue comes first");
        Assert.DoesNotContain("Väntar Testsson", mine);
        Assert.Contains($"/Cases/Details/{waiting}", myWork[myWork.IndexOf("id=\"await-h\"", StringComparison.Ordinal)..]);

        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: "skarpnack");
        var districtPage = await caseWorker.GetStringAsync("/");
        Assert.Contains("Försenad Testsson", districtPage);
        Assert.Contains("Väntar Testsson", districtPage);

        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        var managerPage = await manager.GetStringAsync("/");
        var overdueSection = managerPage[managerPage.IndexOf("id=\"overdue-h\"", StringComparison.Ordinal)..];
        Assert.Contains("Försenad Testsson", overdueSection);
        Assert.DoesNotContain("Idag Testsson", overdueSection[..overdueSection.IndexOf("</table>", StringComparison.Ordinal)]);
        Assert.Contains("Coach Överblick", overdueSection);
    }

    [Fact]
    public async Task Each_start_page_section_shows_only_to_those_who_hold_its_permission()
    {
        await ReferAsync("skarpnack", "2026-03-09", "Sektion"); // a case at Farsta, so that there are cases to count
        string[] sections = ["id=\"mine-h\"", "id=\"await-h\"", "id=\"district-h\"", "id=\"nextfree-h\"", "id=\"counts-h\"", "id=\"overdue-h\""];
        async Task<string[]> ShownToAsync(string role, string? centre = null, string? district = null)
        {
            var page = await (await app.SignInAsNewAsync(role, centre, district)).GetStringAsync("/");
            return sections.Where(s => page.Contains(s, StringComparison.Ordinal)).ToArray();
        }

        Assert.Equal(["id=\"mine-h\"", "id=\"await-h\""], await ShownToAsync(Roles.Coach, centre: "farsta"));
        // A case worker reads their district's reports, so sees their district's cases counted by status.
        Assert.Equal(["id=\"district-h\"", "id=\"nextfree-h\"", "id=\"counts-h\""], await ShownToAsync(Roles.CaseWorker, district: "skarpnack"));
        Assert.Equal(["id=\"await-h\"", "id=\"counts-h\"", "id=\"overdue-h\""], await ShownToAsync(Roles.Manager, centre: "farsta"));
        Assert.Equal(["id=\"counts-h\""], await ShownToAsync(Roles.Analyst));
        Assert.Empty(await ShownToAsync(Roles.Matcher, centre: "farsta"));
    }
}
