using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jobbtorg.Features.Access;
using Jobbtorg.Features.Cases;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.InfoMeetings;

[CollectionDefinition(Name)]
public sealed class InvitationLetterCollection : ICollectionFixture<JobbtorgAppFactory>
{
    public const string Name = "InvitationLetter";
}

/// <summary>An administrator keeps a centre's visiting address, phone number and directions; the participant's letter
/// and calendar file carry them.</summary>
[Collection(InvitationLetterCollection.Name)]
[Trait("Category", "Http")]
public sealed class InvitationLetterTests(JobbtorgAppFactory app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private const string Address = "Vårbergstorget 1, 127 43 Skärholmen";
    private const string Phone = "08-465 004 10";
    private const string Directions = "Tunnelbanans röda linje mot Fittja, av vid Vårberg. Ingången ligger vid torget.";

    private Task<int> CentreIdAsync(string code) => app.WithDbAsync(db => db.JobCentres.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task The_letter_and_the_calendar_file_give_the_centres_address_phone_number_and_directions()
    {
        var varberg = await CentreIdAsync("varberg");
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var saved = await admin.SubmitFormAsync($"/Organisation/JobCentre/{varberg}", new()
        {
            ["Input.Address"] = Address, ["Input.Phone"] = Phone, ["Input.Directions"] = Directions,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/Organisation/JobCentres"));
        Assert.Contains(Address, list);
        Assert.Contains("Kontaktuppgifterna för Jobbtorg Vårberg är sparade.", list);

        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "varberg");
        var day = app.Today.AddDays(8);
        var scheduled = await manager.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = "varberg", kind = "Adult", date = day.ToString("yyyy-MM-dd"), time = "09:30", durationMinutes = 90,
            room = "Sal 2", capacity = 5, language = "svenska",
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var caseWorker = await app.SignInAsNewAsync(Roles.CaseWorker, district: "hagersten-liljeholmen");
        var referred = await caseWorker.PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = TestPeople.Adult(app.Today), district = "hagersten-liljeholmen", targetGroup = "UnemployedOnBenefit",
            receivesBenefit = true, consentGiven = true, consentDate = app.Today.ToString("yyyy-MM-dd"),
        });
        var created = (await referred.Content.ReadFromJsonAsync<CaseDto>(Json))!;
        var bookingId = created.InfoMeeting!.BookingId;

        var letter = WebUtility.HtmlDecode(await caseWorker.GetStringAsync($"/InfoMeetings/Invitation/{bookingId}"));
        Assert.Contains(Address, letter);
        Assert.Contains("Hitta hit", letter);
        Assert.Contains(Directions, letter);
        Assert.Contains($"Ring Jobbtorg Vårberg på <a href=\"tel:+46846500410\">{Phone}</a>", letter);

        var calendar = Ical.Net.Calendar.Load(await caseWorker.GetStringAsync($"/InfoMeetings/Invitation/{bookingId}?handler=Ics"))!;
        var meeting = calendar.Events.Single();
        Assert.Equal($"Jobbtorg Vårberg, {Address}", meeting.Location);
        Assert.Contains(Phone, meeting.Description);
        Assert.Contains(Directions, meeting.Description);
        Assert.Equal($"infomote-{bookingId}@localhost", meeting.Uid);
        var person = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == created.Id).Select(c => c.Participant).SingleAsync());
        Assert.DoesNotContain(person.PersonalNumber, meeting.Description);
    }

    [Fact]
    public async Task A_phone_number_without_digits_is_refused_by_its_field_and_nothing_is_saved()
    {
        var farsta = await CentreIdAsync("farsta");
        var admin = await app.SignInAsNewAsync(Roles.Administrator);
        var refused = await admin.SubmitFormAsync($"/Organisation/JobCentre/{farsta}", new()
        {
            ["Input.Address"] = "Farstaplan 9, 123 47 Farsta", ["Input.Phone"] = "ring växeln", ["Input.Directions"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Skriv telefonnumret med siffror, t.ex. 08-508 00 000.", page);
        Assert.Matches("data-valmsg-for=\"Input.Phone\"[^>]*>[^<]*Skriv telefonnumret", page);
        var centre = await app.WithDbAsync(db => db.JobCentres.SingleAsync(c => c.Id == farsta));
        Assert.Null(centre.Address);
        Assert.Null(centre.Phone);
    }

    [Fact]
    public async Task Only_an_administrator_changes_a_centres_contact_details()
    {
        var farsta = await CentreIdAsync("farsta");
        var manager = await app.SignInAsNewAsync(Roles.Manager, centre: "farsta");
        foreach (var url in new[] { $"/Organisation/JobCentre/{farsta}", "/Organisation/JobCentres" })
        {
            var refused = await manager.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString ?? "");
        }
        Assert.DoesNotContain("/Organisation/JobCentres", await manager.GetStringAsync("/"));
    }
}
