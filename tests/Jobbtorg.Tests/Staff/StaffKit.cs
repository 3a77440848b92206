using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Jobbtorg.Features.Access;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Staff;

/// <summary>What the staff tests do over and over: sign in with a given password, read a one-time password off a page,
/// give a coach open cases.</summary>
public static partial class StaffKit
{
    [GeneratedRegex("data-testid=\"one-time-password\">([^<]+)<")]
    private static partial Regex OneTimePasswordPattern();

    public static string OneTimePasswordOn(string html)
    {
        var match = OneTimePasswordPattern().Match(html);
        Assert.True(match.Success, "The page shows no one-time password.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>A browser-like client after the login form: signed in (the form redirects) or not (the form again).</summary>
    public static async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(JobbtorgAppFactory app, string email, string password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.SubmitFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        return (client, response);
    }

    public static async Task<bool> SignedInAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/");
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Where a GET is sent: the redirect target, or the path itself when the page answers.</summary>
    public static async Task<string> LandsOnAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.Redirect ? new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath
            : response.IsSuccessStatusCode ? path : ((int)response.StatusCode).ToString();
    }

    public static Task<int> CentreIdAsync(JobbtorgAppFactory app, string code) =>
        app.WithDbAsync(db => db.JobCentres.Where(j => j.Code == code).Select(j => j.Id).SingleAsync());

    /// <summary>An enrolled Enskede-Årsta-Vantör case at Farsta with the given coach, imported as a district system would.</summary>
    public static async Task<int> OpenCaseAsync(JobbtorgAppFactory app, AppUser coach, bool consent)
    {
        var caseRef = $"ST-{Guid.NewGuid():N}"[..20];
        var today = app.Today.ToString("yyyy-MM-dd");
        var lines = new StringBuilder()
            .Append($$"""{"type":"referral","caseRef":"{{caseRef}}","personalNumber":"{{TestPeople.Adult(app.Today)}}","district":"enskede-arsta-vantor","targetGroup":"UnemployedOnBenefit","date":"{{today}}","receivesBenefit":true,"hasChildren":false,"newlyUnemployed":false,"newlyArrived":false}""").Append('\n')
            .Append($$"""{"type":"enrolment","caseRef":"{{caseRef}}","date":"{{today}}","jobCentre":"farsta","coach":"{{coach.UserName}}"}""").Append('\n');
        var imported = await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .PostAsync("/api/import/case-events", new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        return await app.WithDbAsync(async db =>
        {
            var id = await db.Cases.Where(c => c.CaseRef == caseRef).Select(c => c.Id).SingleAsync();
            Assert.Equal(coach.Id, await db.Cases.Where(c => c.Id == id).Select(c => c.CoachId).SingleAsync());
            if (consent)
                await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsentGiven, true).SetProperty(c => c.ConsentDate, app.Today));
            return id;
        });
    }
}
