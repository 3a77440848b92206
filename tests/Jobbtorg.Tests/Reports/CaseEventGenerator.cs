using Bogus;
using Jobbtorg.Data;
using static Jobbtorg.Tests.Reports.CaseEvents;

namespace Jobbtorg.Tests.Reports;

public sealed record GeneratedInfoMeeting(DateOnly Date, bool Attended);

/// <summary>A pause; <see cref="EndedByClosure"/> when it was still open at the closure, which ends it (no resume line).</summary>
public sealed record GeneratedPause(DateOnly PausedOn, DateOnly? ResumedOn, string Reason, bool EndedByClosure = false);

public sealed record GeneratedPlacement(string Kind, DateOnly Start, DateOnly? End, bool Matched = false);

public sealed record GeneratedAssessment(DateOnly Date, string Instrument, string Availability, string NeedCategory);

/// <summary>One generated case with its whole history, as plain values a test can reason about.</summary>
public sealed class GeneratedCase
{
    public required string CaseRef { get; init; }
    public required string PersonalNumber { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required string Gender { get; init; }
    public required string District { get; init; }
    public required string TargetGroup { get; init; }
    public required DateOnly Referral { get; init; }
    public bool ReceivesBenefit { get; init; }
    public bool HasChildren { get; init; }
    public bool NewlyUnemployed { get; init; }
    public bool NewlyArrived { get; init; }
    public List<GeneratedInfoMeeting> InfoMeetings { get; } = [];
    public DateOnly? Enrolment { get; set; }
    public string? JobCentre { get; set; }
    public string? Coach { get; set; }
    public List<DateOnly> PlansAgreed { get; } = [];
    public List<GeneratedPause> Pauses { get; } = [];
    public List<(DateOnly Date, string Status)> Attendance { get; } = [];
    public List<GeneratedPlacement> Placements { get; } = [];
    /// <summary>Signed assessments, in the order they were made (an assessment needs no enrolment).</summary>
    public List<GeneratedAssessment> Assessments { get; } = [];
    public DateOnly? Closure { get; set; }
    public string? ClosureReason { get; set; }
    public string? ClosureSubReason { get; set; }

    /// <summary>The latest date of anything in the case so far: a closure may not come before it.</summary>
    public DateOnly Latest => new[] { Referral }
        .Concat(InfoMeetings.Select(m => m.Date)).Concat(Enrolment is { } e ? [e] : []).Concat(PlansAgreed)
        .Concat(Pauses.SelectMany(p => p.ResumedOn is { } r ? [p.PausedOn, r] : new[] { p.PausedOn }))
        .Concat(Attendance.Select(a => a.Date)).Concat(Placements.Select(p => p.Start)).Max();

    /// <summary>The case's lines in the order its events happened.</summary>
    public IEnumerable<string> Lines()
    {
        yield return Referral(CaseRef, PersonalNumber, Iso(this.Referral), District, TargetGroup, Gender, ReceivesBenefit, HasChildren,
            NewlyUnemployed, NewlyArrived);
        foreach (var m in InfoMeetings) yield return InfoMeeting(CaseRef, Iso(m.Date), m.Attended);
        if (Enrolment is { } enrolled) yield return CaseEvents.Enrolment(CaseRef, Iso(enrolled), JobCentre!, Coach!);
        foreach (var p in PlansAgreed) yield return PlanAgreed(CaseRef, Iso(p));
        foreach (var p in Pauses)
        {
            yield return Pause(CaseRef, Iso(p.PausedOn), p.Reason);
            if (p.ResumedOn is { } resumed && !p.EndedByClosure) yield return Resume(CaseRef, Iso(resumed));
        }
        foreach (var (date, status) in Attendance) yield return CaseEvents.Attendance(CaseRef, Iso(date), status);
        foreach (var p in Placements) yield return Placement(CaseRef, p.Kind, Iso(p.Start), p.End is { } end ? Iso(end) : null, matched: p.Matched);
        foreach (var a in Assessments) yield return Assessment(CaseRef, Iso(a.Date), a.Instrument, a.Availability, a.NeedCategory);
        if (Closure is { } closed) yield return CaseEvents.Closure(CaseRef, Iso(closed), ClosureReason!, ClosureSubReason);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");
}

/// <summary>A generated stream: the cases, and the follow-up facts districts and registers report per person.</summary>
public sealed class GeneratedStream
{
    public List<GeneratedCase> Cases { get; } = [];
    /// <summary>Benefit status per person and month (the month's first day).</summary>
    public Dictionary<(string PersonalNumber, DateOnly Month), bool> BenefitMonths { get; } = [];
    public Dictionary<(string PersonalNumber, DateOnly Date), string> OccupationStatuses { get; } = [];

    public int EventCount => Cases.Sum(c => c.Lines().Count()) + BenefitMonths.Count + OccupationStatuses.Count;

    public string ToNdjson() => Stream([
        .. Cases.SelectMany(c => c.Lines()),
        .. BenefitMonths.Select(b => BenefitMonth(b.Key.PersonalNumber, b.Key.Month.ToString("yyyy-MM"), b.Value)),
        .. OccupationStatuses.Select(o => OccupationStatus(o.Key.PersonalNumber, o.Key.Date.ToString("yyyy-MM-dd"), o.Value)),
    ]);
}

/// <summary>
/// Generates a plausible city's worth of case histories from a seed, over the Tax Agency's official test personal
/// numbers: every event type, pauses (some still open, some ended by the closure, many around the job-guarantee
/// deadline), people referred again (some with another gender), several plan versions, placements with municipal
/// jobs, benefit months around the six-month follow-up and occupation statuses around three months after municipal
/// jobs, ties included. Referrals fall in 2021–2024; later events run into 2026.
/// </summary>
public sealed class CaseEventGenerator
{
    public static readonly DateOnly FirstReferral = new(2021, 1, 1);
    public static readonly DateOnly LastReferral = new(2024, 12, 31);

    private static readonly string[] SelfSufficiencyReasons = ["Work", "Studies", "EmploymentProgramme"];
    private static readonly Lazy<string[]> OfficialNumbers = new(() =>
        [.. TestData.Read<string[]>("personnummer", "all-test-personal-numbers.json").Distinct()]);

    private readonly Faker faker;
    /// <summary>Draws the assessments apart from the rest, so that adding them changed no other part of a seed's stream.</summary>
    private readonly Randomizer assessing;
    private readonly string[] coaches;

    public CaseEventGenerator(int seed)
    {
        faker = new Faker("sv") { Random = new Randomizer(seed) };
        assessing = new Randomizer(seed ^ 0x5A55E55);
        // Names with å, ä and ö: the coach travels through the stream as free text.
        coaches = [.. Enumerable.Range(0, 40).Select(_ => faker.Name.FullName()).Distinct().Take(25)];
    }

    public GeneratedStream Generate(int people)
    {
        var stream = new GeneratedStream();
        var numbers = faker.Random.Shuffle(OfficialNumbers.Value.Where(n => int.Parse(n[..4]) is >= 1960 and <= 2004)).Take(people);
        var caseNumber = 0;
        foreach (var pn in numbers)
        {
            var birth = new DateOnly(int.Parse(pn[..4]), int.Parse(pn[4..6]), int.Parse(pn[6..8]));
            var gender = faker.Random.Bool(0.03f) ? "X" : (pn[10] - '0') % 2 == 1 ? "M" : "F";
            var referral = faker.Date.BetweenDateOnly(FirstReferral, LastReferral);
            // One case, or a second one referred after the first was closed.
            for (var n = 0; n < 2; n++)
            {
                var c = GenerateCase($"G-{++caseNumber:D5}", pn, birth, gender, referral);
                stream.Cases.Add(c);
                if (c.Closure is not { } closed || !faker.Random.Bool(0.2f)) break;
                referral = closed.AddDays(faker.Random.Int(0, 300));
                // The gender belongs to the referral: one referred again is sometimes recorded with another.
                if (faker.Random.Bool(0.3f)) gender = faker.PickRandom(new[] { "F", "M", "X" }.Where(g => g != gender));
            }
        }
        foreach (var c in stream.Cases) AddAssessments(c);
        foreach (var c in stream.Cases) AddFollowUps(stream, c);
        return stream;
    }

    private GeneratedCase GenerateCase(string caseRef, string pn, DateOnly birth, string gender, DateOnly referral)
    {
        var age = AgeOn(birth, referral);
        var district = faker.PickRandom(ReferenceData.Districts);
        var c = new GeneratedCase
        {
            CaseRef = caseRef, PersonalNumber = pn, BirthDate = birth, Gender = gender, District = district.Code, Referral = referral,
            TargetGroup = age <= 24 && faker.Random.Bool(0.7f) ? "Youth"
                : faker.Random.WeightedRandom(["UnemployedOnBenefit", "NewApplicant", "SfiStudent", "AdultRefugee"], [0.5f, 0.15f, 0.15f, 0.2f]),
            ReceivesBenefit = faker.Random.Bool(0.85f), HasChildren = faker.Random.Bool(0.3f), NewlyUnemployed = faker.Random.Bool(0.2f),
            NewlyArrived = faker.Random.Bool(0.1f),
        };

        var day = referral;
        for (var i = faker.Random.WeightedRandom([0, 1, 2, 3], [0.15f, 0.55f, 0.2f, 0.1f]); i > 0; i--)
        {
            day = day.AddDays(faker.Random.Int(1, 21));
            c.InfoMeetings.Add(new(day, faker.Random.Bool(0.7f)));
        }

        if (!faker.Random.Bool(0.85f))
        {
            // Never enrolled; some referrals are closed before enrolment.
            if (faker.Random.Bool(0.4f)) Close(c, c.Latest.AddDays(faker.Random.Int(0, 60)));
            return c;
        }

        var enrolment = day.AddDays(faker.Random.Int(0, 30));
        c.Enrolment = enrolment;
        c.JobCentre = AgeOn(birth, enrolment) <= 24 && faker.Random.Bool(0.8f) ? ReferenceData.YouthCentre
            : faker.Random.Bool(0.9f) ? district.AdultCentre : faker.PickRandom(ReferenceData.JobCentres).Code;
        c.Coach = faker.PickRandom(coaches);

        // Pauses, often in the first days when they move the job-guarantee deadline.
        var pauseFrom = enrolment;
        for (var i = faker.Random.WeightedRandom([0, 1, 2], [0.7f, 0.22f, 0.08f]); i > 0; i--)
        {
            var paused = pauseFrom.AddDays(faker.Random.Int(0, i == 1 ? 12 : 120));
            var resumed = faker.Random.Bool(0.12f) ? (DateOnly?)null : paused.AddDays(faker.Random.Int(1, 60));
            c.Pauses.Add(new(paused, resumed, faker.PickRandom("Sickness", "ParentalLeave", "Other")));
            if (resumed is null) break;
            pauseFrom = resumed.Value;
        }
        var openPause = c.Pauses.Count > 0 && c.Pauses[^1].ResumedOn is null;

        // Plans: the first around the deadline, the reviews months apart.
        if (faker.Random.Bool(0.85f))
        {
            var pausedDays = c.Pauses.Where(p => p.ResumedOn is not null && p.PausedOn <= enrolment.AddDays(14))
                .Sum(p => p.ResumedOn!.Value.DayNumber - p.PausedOn.DayNumber);
            var agreed = enrolment.AddDays(faker.Random.Int(0, 12) + pausedDays);
            for (var i = faker.Random.WeightedRandom([1, 2, 3], [0.5f, 0.35f, 0.15f]); i > 0; i--)
            {
                c.PlansAgreed.Add(agreed);
                agreed = agreed.AddDays(faker.Random.Int(30, 100));
            }
        }

        foreach (var offset in Enumerable.Range(0, faker.Random.Int(0, 3)).Select(_ => faker.Random.Int(1, 90)).Distinct().Order())
            c.Attendance.Add((enrolment.AddDays(offset), faker.PickRandom("Present", "ExcusedAbsence", "UnexcusedAbsence")));

        for (var i = faker.Random.WeightedRandom([0, 1, 2], [0.55f, 0.35f, 0.1f]); i > 0; i--)
        {
            var start = enrolment.AddDays(faker.Random.Int(7, 240));
            var kind = faker.Random.WeightedRandom(["MunicipalJob", "Internship", "Employment", "SubsidizedEmployment"], [0.5f, 0.25f, 0.1f, 0.15f]);
            // End dates on the last of a month are common, and test the clamping of end + 3 months.
            var end = faker.Random.Bool(0.1f) ? (DateOnly?)null
                : faker.Random.Bool(0.3f) ? LastOfMonth(start.AddMonths(faker.Random.Int(2, 11)))
                : start.AddDays(faker.Random.Int(30, 365));
            // Matched or not is read off the start date, not drawn, so that the rest of the stream stays as it was.
            c.Placements.Add(new(kind, start, end, Matched: start.DayNumber % 3 != 0));
        }
        c.Placements.Sort((a, b) => a.Start.CompareTo(b.Start));

        if (faker.Random.Bool(0.7f))
        {
            if (openPause && faker.Random.Bool(0.5f)) return c; // still paused
            // Some close on the day of their latest event, most weeks or months later.
            var longest = faker.Random.WeightedRandom([0, 30, 200, 500], [0.1f, 0.3f, 0.4f, 0.2f]);
            var closure = c.Latest.AddDays(faker.Random.Int(0, longest));
            if (openPause)
                c.Pauses[^1] = c.Pauses[^1] with { ResumedOn = closure, EndedByClosure = true };
            Close(c, closure);
        }
        return c;
    }

    private void Close(GeneratedCase c, DateOnly date)
    {
        c.Closure = date;
        c.ClosureReason = faker.Random.WeightedRandom(["Work", "Studies", "EmploymentProgramme", "Other", "Unknown"], [0.3f, 0.12f, 0.13f, 0.3f, 0.15f]);
        c.ClosureSubReason = c.ClosureReason switch
        {
            "Work" => faker.PickRandom("Unsubsidised", "Subsidised"),
            "Other" => faker.PickRandom("NotInTargetGroup", "NoLongerOnBenefit", "SelfSupportingOtherwise", "Moved", "Other"),
            _ => null,
        };
    }

    /// <summary>Most cases get an initial assessment, often right at the plan deadline (five working days is about a week)
    /// and some before the enrolment; about a third an in-depth one later, and a few a second initial one that supersedes
    /// the first. None after the closure.</summary>
    private void AddAssessments(GeneratedCase c)
    {
        if (!assessing.Bool(0.85f)) return;
        var start = c.Enrolment ?? c.Referral;
        var initial = start.AddDays(assessing.WeightedRandom([assessing.Int(-10, -1), assessing.Int(0, 5), assessing.Int(6, 9), assessing.Int(10, 60)],
            [0.15f, 0.45f, 0.25f, 0.15f]));
        if (initial < c.Referral) initial = c.Referral;
        Add(initial, "Initial");
        if (assessing.Bool(0.05f)) Add(initial.AddDays(assessing.Int(0, 30)), "Initial");
        if (assessing.Bool(0.35f)) Add(initial.AddDays(assessing.Int(3, 120)), "InDepth");

        void Add(DateOnly date, string instrument)
        {
            if (date > c.Closure) return;
            c.Assessments.Add(new(date, instrument, assessing.ArrayElement(["Available", "PartlyAvailable", "NotAvailable"]),
                assessing.ArrayElement(["Standard", "Situational", "SpeciallyAdapted", "LongTermAdapted"])));
        }
    }

    /// <summary>Benefit months around the sixth month after a self-sufficient closure, some missing; occupation
    /// statuses within and just outside 31 days of three months after a municipal job, equal distances included.</summary>
    private void AddFollowUps(GeneratedStream stream, GeneratedCase c)
    {
        if (c.Closure is { } closed && SelfSufficiencyReasons.Contains(c.ClosureReason))
        {
            var sixth = FirstOfMonth(closed.AddMonths(6));
            for (var m = -2; m <= 2; m++)
                if (faker.Random.Bool(m == 0 ? 0.75f : 0.4f))
                    stream.BenefitMonths.TryAdd((c.PersonalNumber, sixth.AddMonths(m)), faker.Random.Bool(0.3f));
        }
        if (faker.Random.Bool(0.2f))
            stream.BenefitMonths.TryAdd((c.PersonalNumber, FirstOfMonth(c.Referral).AddMonths(faker.Random.Int(0, 24))), faker.Random.Bool(0.7f));

        foreach (var job in c.Placements.Where(p => p.Kind == "MunicipalJob" && p.End is not null))
        {
            var target = job.End!.Value.AddMonths(3);
            if (faker.Random.Bool(0.15f))
            {
                var distance = faker.Random.Int(1, 31);
                stream.OccupationStatuses.TryAdd((c.PersonalNumber, target.AddDays(-distance)), faker.PickRandom("Working", "Studying", "Neither"));
                stream.OccupationStatuses.TryAdd((c.PersonalNumber, target.AddDays(distance)), faker.PickRandom("Working", "Studying", "Neither"));
            }
            for (var i = faker.Random.WeightedRandom([0, 1, 2], [0.25f, 0.5f, 0.25f]); i > 0; i--)
                stream.OccupationStatuses.TryAdd((c.PersonalNumber, target.AddDays(faker.Random.Int(-40, 40))),
                    faker.Random.WeightedRandom(["Working", "Studying", "Neither"], [0.45f, 0.15f, 0.4f]));
        }
    }

    private static int AgeOn(DateOnly birth, DateOnly date) =>
        date.Year - birth.Year - ((date.Month, date.Day).CompareTo((birth.Month, birth.Day)) < 0 ? 1 : 0);

    private static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    private static DateOnly LastOfMonth(DateOnly date) => FirstOfMonth(date).AddMonths(1).AddDays(-1);
}
