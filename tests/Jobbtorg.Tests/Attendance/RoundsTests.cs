using Jobbtorg.Features.Attendance;
using Jobbtorg.Features.DistrictMessages;
using Jobbtorg.Tests.Http;
using Microsoft.EntityFrameworkCore;
using static Jobbtorg.Tests.Attendance.AttendanceKit;

namespace Jobbtorg.Tests.Attendance;

/// <summary>The morning rounds, each test on a fresh application so that the dates the rounds have run for are its own.
/// The rounds take the date they run for; the clock stays at Tue 10 March 2026.</summary>
[Trait("Category", "Http")]
public sealed class RoundsTests
{
    private static readonly DateOnly Enrolled = new(2026, 1, 12);
    private static readonly DateOnly Start = new(2026, 1, 13);

    private static async Task<JobbtorgAppFactory> FreshAppAsync()
    {
        var app = new JobbtorgAppFactory();
        await ((IAsyncLifetime)app).InitializeAsync();
        return app;
    }

    [Fact]
    public async Task A_required_day_left_unregistered_is_reported_as_not_registered_once()
    {
        var app = await FreshAppAsync();
        try
        {
            var kit = new AttendanceKit(app);
            var id = await kit.CaseAsync(Enrolled, [new("active-job-search", Start)]);
            await kit.RegisterAsync(id, new DateOnly(2026, 2, 5), "active-job-search", AttendanceStatus.Present);

            // Saturday: no round.
            Assert.Equal(new RoundResult(false, 0, false, 0), await kit.RunRoundsAsync(new DateOnly(2026, 2, 7)));
            // Friday 6 Feb looks at Thursday, which is registered. Two instances at once: one round.
            var friday = await Task.WhenAll(kit.RunRoundsAsync(new DateOnly(2026, 2, 6)), kit.RunRoundsAsync(new DateOnly(2026, 2, 6)));
            Assert.Equal(1, friday.Count(r => r.NotRegisteredRan));
            Assert.Empty(await kit.MessagesAsync(id, MessageKind.AttendanceNotRegistered));

            // Monday 9 Feb looks at Friday, which nobody registered.
            var monday = new DateOnly(2026, 2, 9);
            Assert.True((await kit.RunRoundsAsync(monday)).NotRegisteredRan);
            var message = Assert.Single(await kit.MessagesAsync(id, MessageKind.AttendanceNotRegistered));
            var body = Body(message);
            Assert.Contains("inte registrerats", body.GetProperty("text").GetString());
            Assert.DoesNotContain("ogiltig", body.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("2026-02-06", body.GetProperty("details").GetProperty("date").GetString());
            Assert.Equal("NotRegistered", body.GetProperty("details").GetProperty("status").GetString());
            Assert.Empty(await kit.MessagesAsync(id, MessageKind.UnexcusedAbsence));

            // Again the same morning (a restart, a second instance): nothing more.
            Assert.Equal(new RoundResult(false, 0, false, 0), await kit.RunRoundsAsync(monday));
            Assert.Single(await kit.MessagesAsync(id, MessageKind.AttendanceNotRegistered));
            Assert.Equal(1, await app.WithDbAsync(db => db.AttendanceRoundRuns.CountAsync(r => r.Round == AttendanceRounds.NotRegisteredRound && r.Date == monday)));
        }
        finally { await ((IAsyncLifetime)app).DisposeAsync(); }
    }

    [Fact]
    public async Task Holidays_weekends_and_paused_cases_are_not_required_days()
    {
        var app = await FreshAppAsync();
        try
        {
            var kit = new AttendanceKit(app);
            var working = await kit.CaseAsync(Enrolled, [new("start-up-group", Start)]);
            var paused = await kit.CaseAsync(Enrolled, [new("start-up-group", Start)], extraEvents:
                """{"type":"pause","caseRef":"{caseRef}","date":"2026-03-02","reason":"Sickness"}""");

            // Tuesday after Easter 2026: Good Friday 3 April and Easter Monday 6 April are holidays, so the previous
            // working day is Thursday 2 April.
            await kit.RunRoundsAsync(new DateOnly(2026, 4, 2));
            var result = await kit.RunRoundsAsync(new DateOnly(2026, 4, 7));
            Assert.True(result.NotRegisteredRan);
            var dates = (await kit.MessagesAsync(working, MessageKind.AttendanceNotRegistered))
                .Select(m => Body(m).GetProperty("details").GetProperty("date").GetString()).ToList();
            Assert.Equal(["2026-04-01", "2026-04-02"], dates);
            Assert.Empty(await kit.MessagesAsync(paused, MessageKind.AttendanceNotRegistered));
            Assert.Empty(await kit.MessagesAsync(paused, MessageKind.WeeklyAttendance));
        }
        finally { await ((IAsyncLifetime)app).DisposeAsync(); }
    }

    [Fact]
    public async Task The_monday_summary_counts_the_week_before_per_day()
    {
        var app = await FreshAppAsync();
        try
        {
            var kit = new AttendanceKit(app);
            var monday = new DateOnly(2026, 2, 2);
            var id = await kit.CaseAsync(Enrolled, [new("active-job-search", Start), new("start-up-group", monday, End: monday)]);
            var none = await kit.CaseAsync(Enrolled, [new("active-job-search", new DateOnly(2026, 2, 16))]);
            await kit.RegisterAsync(id, monday, "active-job-search", AttendanceStatus.Present);
            await kit.RegisterAsync(id, monday, "start-up-group", AttendanceStatus.Present);
            await kit.RegisterAsync(id, monday.AddDays(1), "active-job-search", AttendanceStatus.Present);
            await kit.RegisterAsync(id, monday.AddDays(2), "active-job-search", AttendanceStatus.ExcusedAbsence, AbsenceReason.Sick);
            await kit.RegisterAsync(id, monday.AddDays(3), "active-job-search", AttendanceStatus.UnexcusedAbsence);
            // Friday 6 February: not registered. Registrations of the week after do not count.
            await kit.RegisterAsync(id, monday.AddDays(7), "active-job-search", AttendanceStatus.UnexcusedAbsence);

            var result = await kit.RunRoundsAsync(monday.AddDays(7));
            Assert.True(result.WeeklyRan);
            var details = Body(Assert.Single(await kit.MessagesAsync(id, MessageKind.WeeklyAttendance))).GetProperty("details");
            Assert.Equal(6, details.GetProperty("week").GetInt32());
            var counts = details.GetProperty("counts");
            Assert.Equal((3, 1, 1, 1), (counts.GetProperty("present").GetInt32(), counts.GetProperty("excusedAbsence").GetInt32(),
                counts.GetProperty("unexcusedAbsence").GetInt32(), counts.GetProperty("notRegistered").GetInt32()));
            var days = details.GetProperty("days").EnumerateArray().ToList();
            Assert.Equal(["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06"], days.Select(d => d.GetProperty("date").GetString()));
            Assert.Equal(2, days[0].GetProperty("present").GetInt32());
            Assert.Equal("Sick", days[2].GetProperty("activities")[0].GetProperty("reason").GetString());
            Assert.Equal(1, days[4].GetProperty("notRegistered").GetInt32());
            Assert.Empty(await kit.MessagesAsync(none, MessageKind.WeeklyAttendance));

            // Once per week, even if the rounds run again on Tuesday.
            Assert.False((await kit.RunRoundsAsync(monday.AddDays(8))).WeeklyRan);
            Assert.Single(await kit.MessagesAsync(id, MessageKind.WeeklyAttendance));
        }
        finally { await ((IAsyncLifetime)app).DisposeAsync(); }
    }
}
