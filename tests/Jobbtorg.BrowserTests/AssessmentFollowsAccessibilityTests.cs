using Jobbtorg.BrowserTests.Pages;
using Jobbtorg.Data;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Jobbtorg.BrowserTests;

/// <summary>The prompts that follow from an assessment — on the case page, in the plan editor and on the start pages — have
/// no axe violations, in Swedish and English, on a laptop and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentFollowsAccessibilityTests(BrowserFixture browser, JobbtorgAppServer server, ITestOutputHelper output)
{
    [Fact]
    public async Task The_pages_that_prompt_what_follows_from_an_assessment_have_no_axe_violations()
    {
        var (partly, notAvailable) = await WithDbAsync(async db =>
        {
            var coachId = await db.Users.Where(u => u.Email == "coach.farsta@demo.jobbtorg.se").Select(u => u.Id).FirstAsync();
            var cases = await db.Cases.Where(c => c.CoachId == coachId && c.Status == CaseStatus.Enrolled && !db.Assessments.Any(a => a.CaseId == c.Id))
                .OrderByDescending(c => c.Id).Take(2).ToListAsync();
            var now = server.Clock.GetUtcNow();
            Sign(db, cases[0], Instrument.Initial, Availability.PartlyAvailable, NeedCategory.Situational, now,
                ("health_limits", "some"), ("swedish_level", "A2"), ("experienced_occupation", "5223"));
            Sign(db, cases[1], Instrument.Initial, Availability.NotAvailable, NeedCategory.SpeciallyAdapted, now, ("health_limits", "major"));
            Sign(db, cases[1], Instrument.InDepth, Availability.NotAvailable, NeedCategory.SpeciallyAdapted, now, ("health_limits", "major"));
            await db.SaveChangesAsync();
            return (cases[0].Id, cases[1].Id);
        });

        var coach = await AssertPagesAsync("coach.farsta@demo.jobbtorg.se",
            "/", $"/Cases/Details/{partly}", $"/Plans/Edit/{partly}", $"/Cases/Details/{notAvailable}", $"/Plans/Edit/{notAvailable}");
        // The walk saw the prompts themselves.
        await coach.GotoAsync($"{server.BaseUrl}/Cases/Details/{partly}");
        Assert.Equal(1, await coach.GetByTestId("in-depth-due").CountAsync());
        await coach.GotoAsync($"{server.BaseUrl}/Cases/Details/{notAvailable}");
        Assert.Equal(1, await coach.GetByTestId("meeting-proposed").CountAsync());
        await coach.GotoAsync($"{server.BaseUrl}/Plans/Edit/{partly}");
        Assert.Equal(1, await coach.GetByTestId("plan-from-assessment").CountAsync());
        await coach.GotoAsync($"{server.BaseUrl}/");
        Assert.Equal(1, await coach.GetByTestId("in-depth-due").CountAsync());
        await AssertPagesAsync("handlaggare.eav@demo.jobbtorg.se", "/");
        foreach (var context in contexts) await context.DisposeAsync();
    }

    private static void Sign(JobbtorgDb db, Case c, Instrument instrument, Availability availability, NeedCategory need, DateTimeOffset now,
        params (string Key, string Value)[] answers)
    {
        var version = db.InstrumentVersions.Where(v => v.Instrument == instrument).OrderByDescending(v => v.Version).First();
        var assessment = Assessment.Begin(c, version, "Coach Farsta", byDistrict: false, now);
        var map = answers.ToDictionary(a => a.Key, a => a.Value);
        assessment.SaveAnswers(map, now);
        var suggestion = version.Parsed.Suggest(map);
        var reason = suggestion.Availability == availability && suggestion.NeedCategory == need ? null : "Bedömt efter samtal";
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        assessment.Sign(today, today, availability, need, reason, suggestion, null, "Coach Farsta", now);
        db.Assessments.Add(assessment);
    }

    private readonly List<IBrowserContext> contexts = [];

    private async Task<IPage> AssertPagesAsync(string user, params string[] paths)
    {
        var context = await browser.NewContextAsync();
        contexts.Add(context);
        var page = await context.NewPageAsync();
        await new LoginPage(page).LogInToMyWorkAsync(server.BaseUrl, user, DemoData.Password);
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(server.BaseUrl + path);
            Assert.True(response?.Status == 200, $"{path}: {response?.Status}");
            await AssertEveryWayAsync(page, path);
        }
        return page;
    }

    /// <summary>The page in Swedish at 1366 and 390 px and in English at 390 px; returns to Swedish at 1366 px.</summary>
    private async Task AssertEveryWayAsync(IPage page, string path)
    {
        foreach (var language in new[] { "sv", "en" })
        {
            if (await page.Locator("html").GetAttributeAsync("lang") != language)
            {
                await page.Locator("button[name=culture]").First.ClickAsync();
                await page.Locator($"html[lang={language}]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await page.WaitForDocumentLoadedAsync();
            }
            foreach (var size in language == "sv" ? new[] { Layout.Desktop, Layout.Phone } : [Layout.Phone])
            {
                await Layout.SetWidthAsync(page, size);
                output.WriteLine($"{path} at {size[0]} px in {language}");
                await Accessibility.AssertNoViolationsAsync(page, output);
            }
        }
        await page.Locator("button[name=culture]").First.ClickAsync();
        await page.Locator("html[lang=sv]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForDocumentLoadedAsync();
        await Layout.SetWidthAsync(page, Layout.Desktop);
    }

    private async Task<T> WithDbAsync<T>(Func<JobbtorgDb, Task<T>> query)
    {
        using var scope = server.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<JobbtorgDb>());
    }
}
