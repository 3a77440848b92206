using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Assessments;
using Jobbtorg.Features.Cases;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Assessments;

/// <summary>Cases referred and enrolled as the application does it, and assessments signed directly through the entity on
/// the test's database with the seeded instrument versions, followed as the signing use case follows them.</summary>
public static class AssessmentKit
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<int> ReferAsync(JobbtorgAppFactory app, string district, bool consent = true, DateOnly? referralDate = null)
    {
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district, targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            consentGiven = consent, consentDate = consent ? (referralDate ?? app.Today).ToString("yyyy-MM-dd") : null,
            referralDate = (referralDate ?? app.Today).ToString("yyyy-MM-dd"), firstName = "Bea", lastName = "Bedömd",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseDto>(Json))!.Id;
    }

    public static async Task EnrolAsync(JobbtorgAppFactory app, HttpClient coach, AppUser coachUser, int caseId, DateOnly? on = null)
    {
        var enrol = await coach.SubmitFormAsync($"/Cases/Enrol/{caseId}", new()
        {
            ["EnrolmentDate"] = (on ?? app.Today).ToString("yyyy-MM-dd"), ["CoachId"] = coachUser.Id,
        });
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
    }

    /// <summary>Signs an assessment of the case with the given answers and result (a reason is given when the result is not
    /// the one the rules suggest), and follows it in the same save.</summary>
    public static Task<int> SignAsync(JobbtorgAppFactory app, int caseId, Instrument instrument, Availability availability, NeedCategory need,
        DateOnly? day = null, params (string Key, string Value)[] answers) =>
        SignAtAsync(app, caseId, instrument, availability, need, app.Clock.GetUtcNow(), day, answers);

    /// <summary>An assessment begun and left unsigned (a draft in progress).</summary>
    public static Task<int> BeginAsync(JobbtorgAppFactory app, int caseId, Instrument instrument) => app.WithDbAsync(async db =>
    {
        var c = await db.Cases.AsTracking().SingleAsync(x => x.Id == caseId);
        var version = await db.InstrumentVersions.Where(v => v.Instrument == instrument).OrderByDescending(v => v.Version).FirstAsync();
        var assessment = Assessment.Begin(c, version, "Kim Coach", byDistrict: false, app.Clock.GetUtcNow());
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    });

    /// <summary>As <see cref="SignAsync"/>, signed at <paramref name="now"/> (the shared test clock stands still).</summary>
    public static Task<int> SignAtAsync(JobbtorgAppFactory app, int caseId, Instrument instrument, Availability availability, NeedCategory need,
        DateTimeOffset now, DateOnly? day = null, params (string Key, string Value)[] answers) => app.WithDbAsync(async db =>
    {
        var c = await db.Cases.AsTracking().SingleAsync(x => x.Id == caseId);
        var version = await db.InstrumentVersions.Where(v => v.Instrument == instrument).OrderByDescending(v => v.Version).FirstAsync();
        var previous = await db.Assessments.AsTracking().Where(a => a.CaseId == caseId && a.Instrument == instrument && a.Status == AssessmentStatus.Signed)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).FirstOrDefaultAsync();
        var assessment = Assessment.Begin(c, version, "Kim Coach", byDistrict: false, now);
        var map = answers.ToDictionary(a => a.Key, a => a.Value);
        assessment.SaveAnswers(map, now);
        var suggestion = version.Parsed.Suggest(map);
        var reason = suggestion.Availability == availability && suggestion.NeedCategory == need ? null : "Bedömt efter samtal med personen";
        assessment.Sign(day ?? app.Today, app.Today, availability, need, reason, suggestion, previous, "Kim Coach", now);
        db.Assessments.Add(assessment);
        AssessmentSigned.Follow(db, assessment, now);
        await db.SaveChangesAsync();
        return assessment.Id;
    });
}
