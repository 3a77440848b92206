using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Reports;
using Jobbtorg.Identity;
using Jobbtorg.Tests.Builders;
using Jobbtorg.Tests.Reports;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.Cases;

/// <summary>A generated stream, imported once, and every case of it worked again through the entity's methods.</summary>
public sealed class LifecycleReplayFixture : IAsyncLifetime
{
    public GeneratedStream Stream { get; } = new CaseEventGenerator(seed: 1977).Generate(1500);
    public ScenarioDatabase Database { get; private set; } = null!;
    /// <summary>The cases as the import stored them, with their pauses and plans, by case reference.</summary>
    public Dictionary<string, Case> Stored { get; private set; } = null!;
    /// <summary>The same cases built by calling Enrol, AgreePlan, Pause, Resume and Close, and signing assessments, in the order of their events.</summary>
    public Dictionary<string, Case> Worked { get; } = [];

    public async Task InitializeAsync()
    {
        Database = await ScenarioDatabase.CreateAsync();
        await Database.ImportAsync(Stream.ToNdjson());
        Stored = await Database.Db.Cases.AsNoTracking().Include(c => c.Pauses).Include(c => c.Plans).ToDictionaryAsync(c => c.CaseRef);
        foreach (var g in Stream.Cases) Worked[g.CaseRef] = Work(g);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    /// <summary>Each event on its own day, in the order of its date; on equal dates in the order of a case's life.</summary>
    private static Case Work(GeneratedCase g)
    {
        var builder = new CaseBuilder().ReferredOn(g.Referral).WithTargetGroup(Enum.Parse<TargetGroup>(g.TargetGroup));
        if (g.NewlyArrived) builder.NewlyArrived();
        if (!g.ReceivesBenefit) builder.NotReceivingBenefit();

        var steps = new List<(DateOnly Date, Action Step)>();
        if (g.Enrolment is { } enrolled)
        {
            builder.AgedOnEnrolment(PersonalNumber.Parse(g.PersonalNumber, enrolled).AgeOn(enrolled));
            steps.Add((enrolled, () => builder.EnrolledOn(enrolled)));
        }
        foreach (var agreed in g.PlansAgreed) steps.Add((agreed, () => builder.WithPlanAgreedOn(agreed)));
        foreach (var pause in g.Pauses)
        {
            steps.Add((pause.PausedOn, () => builder.PausedOn(pause.PausedOn, Enum.Parse<PauseReason>(pause.Reason))));
            // A pause still open at the closure has no resume line: the closure ends it.
            if (pause.ResumedOn is { } resumed && !pause.EndedByClosure) steps.Add((resumed, () => builder.ResumedOn(resumed)));
        }
        foreach (var a in g.Assessments) steps.Add((a.Date, () => builder.AssessedOn(a.Date, Enum.Parse<Features.Assessments.Instrument>(a.Instrument))));
        if (g.Closure is { } closed)
            steps.Add((closed, () => builder.ClosedOn(closed, Enum.Parse<ClosureReason>(g.ClosureReason!),
                g.ClosureSubReason is null ? null : Enum.Parse<ClosureSubReason>(g.ClosureSubReason))));

        foreach (var (_, step) in steps.OrderBy(s => s.Date)) step(); // a stable sort: the life's order on equal dates
        return builder.Build();
    }
}

/// <summary>
/// One lifecycle: the import and the entity, given the same events, leave every case in the same state, with the same
/// pauses, plan deadline and job-guarantee state on any date; and the indicator report counts those states.
/// </summary>
public sealed class LifecycleReplayTests(LifecycleReplayFixture replay) : IClassFixture<LifecycleReplayFixture>
{
    private static readonly string[] Dates = ["2021-06-30", "2022-09-30", "2024-06-30", "2025-03-31", "2027-01-01"];

    public static TheoryData<string> AsOfDates => new(Dates);

    [Fact]
    public void Import_and_entity_leave_every_case_in_the_same_state()
    {
        Assert.Equal(replay.Stream.Cases.Count, replay.Stored.Count);
        var differences = new List<string>();
        foreach (var (caseRef, worked) in replay.Worked)
        {
            var stored = replay.Stored[caseRef];
            void Same<T>(string what, T expected, T actual)
            {
                if (!EqualityComparer<T>.Default.Equals(expected, actual)) differences.Add($"{caseRef} {what}: entity {expected}, import {actual}");
            }
            Same("lifecycle", worked.Lifecycle, stored.Lifecycle);
            Same("status", worked.Status, stored.Status);
            Same("reporting group", worked.ReportingGroup, stored.ReportingGroup);
            Same("holds the person", worked.IsOpen, stored.OpenParticipantId is not null);
            Same("pauses", Pauses(worked), Pauses(stored));
            Same("deadline", worked.JobGuaranteeDeadline, stored.JobGuaranteeDeadline);
        }
        Assert.True(differences.Count == 0, $"{differences.Count} differences:\n{string.Join('\n', differences.Take(30))}");
    }

    [Theory]
    [MemberData(nameof(AsOfDates))]
    public void Import_and_entity_see_the_same_job_guarantee_on_any_date(string asOf)
    {
        var on = ScenarioDatabase.Date(asOf);
        var differences = replay.Worked
            .Where(w => w.Value.JobGuarantee(on) != replay.Stored[w.Key].JobGuarantee(on))
            .Select(w => $"{w.Key}: entity {w.Value.JobGuarantee(on)}, import {replay.Stored[w.Key].JobGuarantee(on)}")
            .ToList();
        Assert.True(differences.Count == 0, $"{differences.Count} differences on {asOf}:\n{string.Join('\n', differences.Take(30))}");
    }

    [Theory]
    [MemberData(nameof(AsOfDates))]
    public async Task The_report_counts_the_job_guarantee_states_the_cases_show(string asOf)
    {
        var on = ScenarioDatabase.Date(asOf);
        var (from, to) = (new DateOnly(2021, 1, 1), new DateOnly(2026, 12, 31));
        var states = replay.Worked.Values.Where(c => c.EnrolmentDate >= from && c.EnrolmentDate <= to && c.EnrolmentDate <= on)
            .Select(c => c.JobGuarantee(on)).ToList();
        int Count(JobGuaranteeState state) => states.Count(s => s == state);

        var report = (await replay.Database.ReportAsync(from, to, on)).Total.JobGuarantee;

        Assert.Equal((Count(JobGuaranteeState.Met), Count(JobGuaranteeState.Missed), Count(JobGuaranteeState.Pending), Count(JobGuaranteeState.Excluded)),
            (report.Met, report.Missed, report.Pending, report.Excluded));
    }

    [Fact]
    public void The_stream_reaches_every_state_and_open_pauses_that_stop_the_clock()
    {
        // So that the comparisons above mean something: every state occurs on the dates they look at.
        var states = Dates.SelectMany(on => replay.Worked.Values.Select(c => c.JobGuarantee(ScenarioDatabase.Date(on)))).ToList();
        Assert.All(Enum.GetValues<JobGuaranteeState>(), s => Assert.True(states.Count(x => x == s) > 5, $"{s}: {states.Count(x => x == s)}"));
        var stopped = replay.Worked.Values.Where(c => c.IsOpen && c.OpenPause is not null && c.JobGuaranteeDeadline is null).ToList();
        Assert.True(stopped.Count > 5, $"open pauses that stop the clock: {stopped.Count}");
        Assert.All(stopped, c => Assert.NotEqual(JobGuaranteeState.Missed, c.JobGuarantee(new DateOnly(2027, 1, 1))));
        Assert.True(replay.Worked.Values.Count(c => c.Pauses.Count > 1) > 20);
        Assert.True(replay.Worked.Values.Count(c => c.Plans.Count > 1) > 100);
        Assert.True(replay.Worked.Values.Count(c => c is { IsEnrolled: false, IsOpen: false }) > 20);
    }

    private static string Pauses(Case c) =>
        string.Join(", ", c.Pauses.OrderBy(p => p.PausedOn).Select(p => $"{p.PausedOn:yyyy-MM-dd}–{p.ResumedOn:yyyy-MM-dd}"));
}
