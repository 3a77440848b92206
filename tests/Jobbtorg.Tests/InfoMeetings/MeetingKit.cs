using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jobbtorg.Calendar;
using Jobbtorg.Features.Cases;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.InfoMeetings;

/// <summary>A person to refer in a test: who, from which district, and what puts them ahead on the waiting list.</summary>
public sealed record Person(string PersonalNumber, string District, bool HasChildren = false, bool NewlyUnemployed = false, DateOnly? ReferralDate = null);

/// <summary>Shared steps of the info-meeting tests: referring people, scheduling meetings, booking and reading the database.</summary>
public static class MeetingKit
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Referred cases made by importing referral events: they are neither booked nor waiting, so creating a
    /// meeting afterwards leaves its seats free for the test to book. Returns the case ids in the given order.</summary>
    public static async Task<List<int>> ImportReferralsAsync(JobbtorgAppFactory app, IReadOnlyList<Person> people)
    {
        var prefix = $"M{Guid.NewGuid():N}"[..10] + "-";
        var lines = new StringBuilder();
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            var date = (p.ReferralDate ?? app.Today).ToString("yyyy-MM-dd");
            lines.Append($$"""{"type":"referral","caseRef":"{{prefix}}{{i}}","personalNumber":"{{p.PersonalNumber}}","district":"{{p.District}}","targetGroup":"UnemployedOnBenefit","date":"{{date}}","receivesBenefit":true,"hasChildren":{{(p.HasChildren ? "true" : "false")}},"newlyUnemployed":{{(p.NewlyUnemployed ? "true" : "false")}},"newlyArrived":false}""");
            lines.Append('\n');
        }
        var response = await app.ApiClient(JobbtorgAppFactory.RobotKey)
            .PostAsync("/api/import/case-events", new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ids = await app.WithDbAsync(db => db.Cases.Where(c => c.CaseRef.StartsWith(prefix)).Select(c => new { c.CaseRef, c.Id }).ToListAsync());
        var byRef = ids.ToDictionary(x => x.CaseRef, x => x.Id);
        return [.. Enumerable.Range(0, people.Count).Select(i => byRef[prefix + i])];
    }

    public static List<Person> Adults(JobbtorgAppFactory app, string district, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new Person(TestPeople.Adult(app.Today), district))];

    /// <summary>Refers a person through the API, which books them at once or puts them on the waiting list.</summary>
    public static async Task<CaseDto> ReferAsync(JobbtorgAppFactory app, Person p, string key = JobbtorgAppFactory.RobotKey)
    {
        var response = await app.ApiClient(key).PostAsJsonAsync("/api/referrals", new
        {
            personalNumber = p.PersonalNumber, district = p.District, targetGroup = "UnemployedOnBenefit", receivesBenefit = true,
            hasChildren = p.HasChildren, newlyUnemployed = p.NewlyUnemployed, consentGiven = false,
            referralDate = p.ReferralDate?.ToString("yyyy-MM-dd"),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseDto>(Json))!;
    }

    public static async Task<HttpResponseMessage> PostMeetingAsync(HttpClient manager, string centre, string kind, DateOnly date, int capacity,
        string time = "09:30", int weeks = 1) =>
        await manager.PostAsJsonAsync("/api/info-meetings", new
        {
            jobCentre = centre, kind, date = date.ToString("yyyy-MM-dd"), time, durationMinutes = 90, room = "Sal A", capacity,
            language = "svenska", weeks,
        });

    public static async Task<List<InfoMeetingDto>> ScheduleAsync(HttpClient manager, string centre, string kind, DateOnly date, int capacity,
        string time = "09:30", int weeks = 1)
    {
        var response = await PostMeetingAsync(manager, centre, kind, date, capacity, time, weeks);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<InfoMeetingDto>>(Json))!;
    }

    public static Task<HttpResponseMessage> BookAsync(HttpClient client, int caseId, int? meetingId = null) =>
        client.PostAsJsonAsync($"/api/cases/{caseId}/info-meeting", new { meetingId });

    public static async Task<CaseBookingDto> StateAsync(HttpClient client, int caseId) =>
        (await client.GetFromJsonAsync<CaseBookingDto>($"/api/cases/{caseId}/info-meeting", Json))!;

    public static async Task<CaseBookingDto> ReadBookingAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CaseBookingDto>(Json))!;
    }

    /// <summary>The detail of a 409 ProblemDetails.</summary>
    public static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(409, json.RootElement.GetProperty("status").GetInt32());
        return json.RootElement.GetProperty("detail").GetString()!;
    }

    /// <summary>The Monday of the week after the one <paramref name="day"/> lies in.</summary>
    public static DateOnly NextMonday(DateOnly day) => WorkingDays.MondayOf(day).AddDays(7);

    /// <summary>The invariants that must hold whatever the concurrency: no meeting holds more bookings than seats, its
    /// counter equals its standing bookings, no case holds two standing bookings, and no district's week exceeds its quota.</summary>
    public static async Task AssertConsistentAsync(JobbtorgAppFactory app)
    {
        await app.WithDbAsync(async db =>
        {
            var held = await db.InfoMeetingBookings.Where(b => b.Status != BookingStatus.Cancelled)
                .GroupBy(b => b.InfoMeetingId).Select(g => new { Meeting = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Meeting, x => x.Count);
            foreach (var m in await db.InfoMeetings.AsNoTracking().ToListAsync())
            {
                Assert.True(m.BookedSeats <= m.Capacity, $"Meeting {m.Id} holds {m.BookedSeats} of {m.Capacity} seats.");
                if (!m.IsCancelled) Assert.Equal(held.GetValueOrDefault(m.Id), m.BookedSeats);
            }
            var doubled = await db.InfoMeetingBookings.Where(b => b.Status == BookingStatus.Booked)
                .GroupBy(b => b.CaseId).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync();
            Assert.Empty(doubled);
            var waitingAndBooked = await db.InfoMeetingWaits.Where(w => db.InfoMeetingBookings.Any(b => b.ActiveCaseId == w.CaseId)).CountAsync();
            Assert.Equal(0, waitingAndBooked);

            var quotas = await db.DistrictQuotas.AsNoTracking().ToListAsync();
            var usages = await db.QuotaUsages.AsNoTracking().ToListAsync();
            var bookedPerWeek = (await db.InfoMeetingBookings.Where(b => b.Status != BookingStatus.Cancelled)
                    .Select(b => new { b.Case.DistrictId, b.Meeting.Kind, b.Meeting.WeekStart }).ToListAsync())
                .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
            foreach (var u in usages)
            {
                var quota = quotas.Single(q => q.DistrictId == u.DistrictId && q.Kind == u.Kind).PlacesPerWeek;
                var booked = bookedPerWeek.GetValueOrDefault(new { u.DistrictId, u.Kind, u.WeekStart });
                Assert.True(u.Used <= quota, $"District {u.DistrictId} {u.Kind} week {u.WeekStart}: {u.Used} places used of {quota}.");
                Assert.Equal(booked, u.Used);
            }
            return 0;
        });
    }
}
