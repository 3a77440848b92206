using System.Text;

namespace Jobbtorg.Bench;

/// <summary>A district a referral can name, and the job centres that serve its adults and its youth.</summary>
public sealed record BenchDistrict(string Code, string AdultCentre, string YouthCentre);

/// <summary>What a generated stream holds; <see cref="Shortfall"/> says why it holds less than was asked.</summary>
public sealed record StreamSummary(long Events, long Cases, long OpenCases, int People, long Bytes, TimeSpan Elapsed, string? Shortfall)
{
    public long AskedEvents { get; init; }
    public long AskedCases { get; init; }
    /// <summary>Benefit months added at the end because the cases could not hold every event asked for.</summary>
    public long ToppedUp { get; init; }

    public override string ToString() =>
        $"{Events:N0} events in {Cases:N0} cases ({OpenCases:N0} open at the end) for {People:N0} people, {Bytes / 1_048_576.0:N0} MiB " +
        $"in {Elapsed.TotalSeconds:N1} s ({Bytes / 1_048_576.0 / Math.Max(Elapsed.TotalSeconds, 0.001):N0} MiB/s)" +
        (ToppedUp > 0 ? $"; {ToppedUp:N0} of the events are benefit months added for the last people, the cases holding no more" : "") +
        (Shortfall is null ? "" : $"; asked for {AskedEvents:N0} events in {AskedCases:N0} cases: {Shortfall}");
}

/// <summary>
/// Writes a national-scale case-event stream (domain.md's NDJSON format): ten years of referrals, ending on
/// <see cref="LastDay"/>, for the Tax Agency's official test personal and co-ordination numbers. Everyone of working
/// age (16–66) in the period comes back: one case after another, the next referral after the previous closure,
/// so a person never has two open cases on one date. The mix: youth to the youth centre, adults to their district's
/// centre, an info meeting (some missed once), a few closed before enrolment, plans mostly within five working days and
/// some late, initial assessments for most and in-depth ones for about a third, pauses and resumes, daily attendance, placements (a share of them municipal jobs), closures with every
/// reason, and follow-up benefit months and occupation statuses after closure.
/// <para>
/// The requested event and case counts are met exactly unless the people's working years cannot hold them at the
/// stream's density, and then <see cref="StreamSummary.Shortfall"/> says so. Deterministic for a seed. Streamed: each
/// person's history is written as it is made, so memory does not grow with the size.
/// </para>
/// </summary>
public static class CaseEventStream
{
    public static readonly DateOnly FirstDay = new(2016, 11, 1);
    public static readonly DateOnly LastDay = new(2026, 10, 31);

    /// <summary>1.5 million cases and 50 million events: one case to 33⅓ events.</summary>
    public const double CasesPerEvent = 1_500_000.0 / 50_000_000.0;

    /// <summary>At smaller sizes fewer people, so that people still come back: about this many cases each at least.</summary>
    private const int MinCasesPerPerson = 4;

    /// <summary>The districts and centres seeded with the app's reference data (GET /api/districts).</summary>
    public static readonly BenchDistrict[] SeededDistricts =
    [
        new("rinkeby-kista", "kista", "kista-ungdom"), new("spanga-tensta", "kista", "kista-ungdom"),
        new("hasselby-vallingby", "vallingby", "kista-ungdom"), new("bromma", "vallingby", "kista-ungdom"),
        new("kungsholmen", "rosenlundsgatan", "kista-ungdom"), new("norrmalm", "rosenlundsgatan", "kista-ungdom"),
        new("ostermalm", "rosenlundsgatan", "kista-ungdom"), new("sodermalm", "rosenlundsgatan", "kista-ungdom"),
        new("enskede-arsta-vantor", "farsta", "kista-ungdom"), new("skarpnack", "farsta", "kista-ungdom"),
        new("farsta", "farsta", "kista-ungdom"), new("alvsjo", "varberg", "kista-ungdom"),
        new("hagersten-liljeholmen", "varberg", "kista-ungdom"), new("skarholmen", "varberg", "kista-ungdom"),
    ];

    private static readonly string[] Employers = ["2120000142", "5599000006", "5599000014"];

    /// <summary>A person of working age in the period: the number and the days on which they can be referred.</summary>
    private readonly record struct Person(string Number, bool Male, DateOnly? Born, DateOnly From, DateOnly To)
    {
        public int Days => To.DayNumber - From.DayNumber + 1;
    }

    public static StreamSummary Write(string path, long events, long? cases, IEnumerable<string> numbers,
        IReadOnlyList<BenchDistrict>? districts = null, int seed = 2026, string caseRefPrefix = "N", int? maxPeople = null)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        return Write(file, events, cases, numbers, districts, seed, caseRefPrefix, maxPeople);
    }

    /// <param name="maxPeople">At most this many people (after the shuffle): a small stream then has the density of
    /// cases per person of a national one.</param>
    public static StreamSummary Write(Stream output, long events, long? cases, IEnumerable<string> numbers,
        IReadOnlyList<BenchDistrict>? districts = null, int seed = 2026, string caseRefPrefix = "N", int? maxPeople = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        districts ??= SeededDistricts;
        var askedCases = cases ?? Math.Max(1, (long)Math.Round(events * CasesPerEvent));
        var everyone = WorkingAge(numbers);
        var random = new Random(seed);
        // A seeded shuffle, so that a small stream is not made only of the oldest numbers.
        random.Shuffle(everyone);
        if (maxPeople is { } cap && cap < everyone.Length) everyone = everyone[..Math.Max(1, cap)];
        // Fewer than two events a case: some cases are only their referral, which leaves the case open, and a person has
        // at most one open case, the last; those need a person each (twice as many offered, as shares are rounded).
        var loneReferrals = Math.Max(0, 2 * Math.Min(askedCases, events) - events);
        var peopleWanted = (int)Math.Clamp(Math.Max((askedCases + MinCasesPerPerson - 1) / MinCasesPerPerson, 2 * loneReferrals), 1, everyone.Length);
        var people = everyone[..peopleWanted];

        using var writer = new LineWriter(output);
        var g = new Generator(writer, random, districts, caseRefPrefix)
        {
            EventsLeft = events,
            CasesLeft = Math.Min(askedCases, events), // every case has its referral
        };
        long daysLeft = people.Sum(p => (long)p.Days);
        for (var i = 0; i < people.Length && g.CasesLeft > 0 && g.EventsLeft > 0; i++)
        {
            var person = people[i];
            // This person's share of the cases still to make, in proportion to their working days in the period.
            var share = (double)g.CasesLeft * person.Days / daysLeft;
            var mine = i == people.Length - 1 ? g.CasesLeft : (long)Math.Floor(share + random.NextDouble());
            daysLeft -= person.Days;
            g.Person(person, (int)Math.Min(mine, g.CasesLeft));
        }
        if (g.EventsLeft > 0) g.TopUp();
        writer.Flush();

        string? shortfall = null;
        if (g.Events != events || g.Cases != askedCases)
        {
            var reasons = new List<string>();
            if (askedCases > events) reasons.Add("every case needs at least its referral, so there are no more cases than events");
            if (loneReferrals > everyone.Length && g.Cases < askedCases)
                reasons.Add($"at fewer than two events a case, {loneReferrals:N0} cases can be no more than their referral and stay open, " +
                            $"one a person, and there are {everyone.Length:N0} people of working age");
            else if (g.CasesLeft > 0 || g.Cases < askedCases)
                reasons.Add($"{people.Length:N0} people of working age cannot hold more cases in ten years with the time each case takes");
            if (g.EventsLeft > 0)
                reasons.Add($"the cases hold no more events (at most {Generator.MaxAttendanceDays} attendance days each, none after the " +
                            "last day) and the last people no more benefit months" +
                            (g.Cases < askedCases ? "" : "; ask for more cases to get more events"));
            shortfall = string.Join("; ", reasons);
        }
        return new StreamSummary(g.Events, g.Cases, g.OpenCases, g.PeopleUsed, writer.Bytes, clock.Elapsed, shortfall)
            { AskedEvents = events, AskedCases = askedCases, ToppedUp = g.ToppedUp };
    }

    /// <summary>How many of the numbers belong to people of working age some time in the period.</summary>
    public static int WorkingAgeCount(IEnumerable<string> numbers) => WorkingAge(numbers).Length;

    /// <summary>The test numbers whose holders are 16–66 some time in the period; co-ordination numbers without a real
    /// birth date are taken as adults throughout.</summary>
    private static Person[] WorkingAge(IEnumerable<string> numbers)
    {
        var people = new List<Person>();
        foreach (var number in numbers.Distinct().Order(StringComparer.Ordinal))
        {
            if (number.Length != 12 || !number.All(char.IsAsciiDigit)) continue;
            var year = int.Parse(number[..4]);
            var month = int.Parse(number[4..6]);
            var day = int.Parse(number[6..8]);
            if (day > 60) day -= 60;
            var male = (number[10] - '0') % 2 == 1;
            DateOnly? born = month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
            DateOnly from = FirstDay, to = LastDay.AddDays(-30);
            if (born is { } b)
            {
                if (b.AddYears(16) > from) from = b.AddYears(16);
                if (b.AddYears(67).AddDays(-1) < to) to = b.AddYears(67).AddDays(-1);
            }
            else if (year < 1955 || year > 2005) continue; // an unknown birth date: only if the year is of working age throughout
            if (to.DayNumber - from.DayNumber < 60) continue;
            people.Add(new Person(number, male, born, from, to));
        }
        return people.ToArray();
    }

    private sealed class Generator(LineWriter w, Random random, IReadOnlyList<BenchDistrict> districts, string prefix)
    {
        public const int MaxAttendanceDays = 260;
        public long EventsLeft;
        public long CasesLeft;
        public long Events;
        public long Cases;
        public long OpenCases;
        public int PeopleUsed;
        private long caseNumber;

        // A person's follow-up facts: no month or date given twice.
        private DateOnly lastObservation;

        public void Person(Person person, int cases)
        {
            if (cases <= 0) return;
            var casesBefore = Cases;
            Array.Clear(benefitMonths);
            lastObservation = DateOnly.MinValue;
            firstMonth = MonthIndex(LastDay) + 1;
            var district = districts[random.Next(districts.Count)];
            // Each case has its turn in the person's working years; a long case pushes the next one on.
            var cycle = (double)person.Days / cases;
            var phase = random.NextDouble(); // people are not all referred on the same days of their cycles
            var earliest = person.From;
            for (var k = 0; k < cases && CasesLeft > 0 && EventsLeft > 0; k++)
            {
                var casesAfter = cases - k - 1;
                var planned = person.From.AddDays((int)((k + phase) * cycle));
                var referred = planned > earliest ? planned : earliest;
                var daysLeft = person.To.DayNumber - referred.DayNumber;
                if (daysLeft < 14) break;
                if (k == 0) firstMonth = MonthIndex(referred);
                // Events for this case: an even share of what is left, give or take a third; the last case of the
                // stream takes all that is left.
                var even = (double)EventsLeft / CasesLeft;
                var budget = CasesLeft == 1 ? EventsLeft : (long)Math.Round(even * (0.67 + 0.66 * random.NextDouble()));
                // Room for the cases that must still come after this one (at least two events each: referral and closure).
                var reserve = 2 * (CasesLeft - 1);
                budget = Math.Clamp(budget, 1, Math.Max(1, EventsLeft - reserve));
                var slot = (int)Math.Max(20, Math.Min(cycle, daysLeft));
                if (random.Next(10) == 0) district = districts[random.Next(districts.Count)]; // moved
                // Most people still of working age at the end have a case open then.
                var keepOpen = casesAfter == 0 && person.To >= LastDay.AddDays(-30) && random.Next(100) < 60;
                var closed = Case(person, district, referred, (int)Math.Min(budget, 100_000), slot, mustClose: casesAfter > 0, keepOpen);
                if (closed is not { } closure) break;
                earliest = closure.AddDays(1 + Days(0, 14, slot));
            }
            if (Cases == casesBefore) return;
            PeopleUsed++;
            Remember(person);
        }

        // The last people written, with the benefit months they have, for topping up the count at the end.
        private const int Remembered = 4096;
        private readonly Queue<(Person Person, int FirstMonth, bool[] Months)> recent = new();
        private readonly bool[] benefitMonths = new bool[MonthIndex(LastDay) + 1];
        private int firstMonth;

        private void Remember(Person person)
        {
            if (firstMonth > MonthIndex(LastDay)) return;
            var months = recent.Count == Remembered ? recent.Dequeue().Months : new bool[benefitMonths.Length];
            Array.Copy(benefitMonths, months, months.Length);
            recent.Enqueue((person, firstMonth, months));
        }

        /// <summary>
        /// When the cases could not hold every event asked for, the rest are benefit months the register delivers for
        /// people already written (months after their first referral that they have none for yet), newest people first.
        /// </summary>
        public void TopUp()
        {
            foreach (var (person, first, months) in recent.Reverse())
                for (var m = first; m < months.Length && EventsLeft > 0; m++)
                {
                    if (months[m]) continue;
                    months[m] = true;
                    var (y, mm) = FromMonthIndex(m);
                    w.Begin("benefitMonth").Field("personalNumber", person.Number).Month(y, mm).Field("receivesBenefit", random.Next(100) < 40).End();
                    Count();
                    ToppedUp++;
                }
        }

        public long ToppedUp;

        /// <summary>Writes one case of at most <paramref name="budget"/> events; its closure date, or null if it stays open.</summary>
        private DateOnly? Case(Person person, BenchDistrict district, DateOnly referred, int budget, int slot, bool mustClose, bool keepOpen)
        {
            var caseRef = $"{prefix}-{++caseNumber}";
            Cases++;
            CasesLeft--;
            var start = Events;
            int Left() => budget - (int)(Events - start);

            var age = person.Born is { } born ? Age(born, referred) : 40;
            var youth = age is >= 16 and <= 24;
            var targetGroup = youth ? "Youth" : random.Next(100) switch
            {
                < 60 => "UnemployedOnBenefit", < 75 => "NewApplicant", < 88 => "SfiStudent", _ => "AdultRefugee",
            };
            var newlyArrived = targetGroup is "AdultRefugee" || (targetGroup is "SfiStudent" && random.Next(2) == 0);
            // One gender per person: domain.md lets a re-referral carry another, but the import refuses that (422).
            var gender = person.Number[9] == '7' && person.Number[8] == '3' ? "X" : person.Male ? "M" : "F";
            w.Begin("referral", caseRef).Field("personalNumber", person.Number).Field("district", district.Code)
                .Field("targetGroup", targetGroup).Field("date", referred).Field("gender", gender)
                .Field("receivesBenefit", random.Next(100) < 85).Field("hasChildren", random.Next(3) == 0)
                .Field("newlyUnemployed", random.Next(5) == 0).Field("newlyArrived", newlyArrived).End();
            Count();

            // A case with only its referral stays open (it ends the person's story).
            if (Left() == 0 || (!mustClose && Left() < 2)) return Open();

            // Closed before enrolment: the person never came, or no longer needs it.
            var last = referred;
            if (Left() < 4 || random.Next(100) < 7)
            {
                if (keepOpen) return Open();
                if (Left() >= 3 && random.Next(2) == 0)
                {
                    last = last.AddDays(Days(3, 12, slot));
                    if (last > LastDay) return Open();
                    w.Begin("infoMeeting", caseRef).Field("date", last).Field("attended", false).End();
                    Count();
                }
                return Closure(caseRef, person, last.AddDays(Days(1, 20, slot)), random.Next(2) == 0 ? "Other" : "Unknown",
                    null, Left() - 1);
            }

            // Info meeting (a few miss the first one), enrolment.
            var meeting = referred.AddDays(Days(3, 15, slot));
            if (Left() >= 6 && random.Next(100) < 6)
            {
                if (meeting > LastDay) return Open();
                w.Begin("infoMeeting", caseRef).Field("date", meeting).Field("attended", false).End();
                Count();
                meeting = meeting.AddDays(7);
            }
            if (meeting > LastDay) return Open();
            w.Begin("infoMeeting", caseRef).Field("date", meeting).Field("attended", true).End();
            Count();
            var enrolled = meeting.AddDays(random.Next(0, 4));
            if (enrolled > LastDay) return Open();
            var centre = youth ? district.YouthCentre : district.AdultCentre;
            w.Begin("enrolment", caseRef).Field("date", enrolled).Field("jobCentre", centre)
                .Field("coach", $"{centre}-coach-{random.Next(1, 41)}").End();
            Count();
            last = enrolled;

            // What is left, less the closure and a share for the follow-up, goes to the plan, pauses, placements and attendance.
            var followUps = Left() >= 8 ? random.Next(0, Math.Min(5, Left() / 4) + 1) : 0;
            var body = Left() - 1 - followUps;
            if (body >= 1)
            {
                // Most plans within five working days of enrolment, some late.
                var plan = WorkingDaysAfter(enrolled, random.Next(100) < 12 ? random.Next(6, 16) : random.Next(0, 5));
                if (plan > LastDay) return Open();
                w.Begin("planAgreed", caseRef).Field("date", plan).End();
                Count();
                body--;
                last = plan;
                if (body >= 6 && random.Next(100) < 5)
                {
                    var revised = plan.AddDays(Days(20, 60, slot));
                    if (revised <= LastDay)
                    {
                        w.Begin("planAgreed", caseRef).Field("date", revised).End();
                        Count();
                        body--;
                        last = revised;
                    }
                }
            }
            // Assessments: most cases an initial one, by the district at referral or here around the plan; about a third
            // an in-depth one weeks later. They need no enrolment and are dated before the closure.
            if (body >= 2 && random.Next(100) < 85)
            {
                var initial = random.Next(100) < 20 ? referred.AddDays(random.Next(0, 3)) : WorkingDaysAfter(enrolled, random.Next(100) < 10 ? random.Next(6, 12) : random.Next(0, 5));
                if (initial > LastDay) return Open();
                Assessment(caseRef, initial, "Initial");
                body--;
                if (initial > last) last = initial;
                if (body >= 2 && random.Next(100) < 38)
                {
                    var inDepth = initial.AddDays(Days(10, 45, slot));
                    if (inDepth > LastDay) return Open();
                    Assessment(caseRef, inDepth, "InDepth");
                    body--;
                    if (inDepth > last) last = inDepth;
                }
            }
            var placement = body >= 3 && random.Next(100) < 22;
            if (placement) body--;
            var pause = body >= 4 && random.Next(100) < 14;
            if (pause) body -= 2;
            var attendance = Math.Min(body, MaxAttendanceDays);
            var pauseAt = pause ? random.Next(0, Math.Max(1, attendance + 1)) : -1;
            for (var i = 0; i <= attendance; i++)
            {
                if (i == pauseAt && !PauseAndResume(caseRef, ref last, slot)) return Open();
                if (i == attendance) break;
                var day = WorkingDaysAfter(last, random.Next(100) < (slot < 120 ? 97 : 85) ? 1 : 2);
                if (day > LastDay) return Open();
                w.Begin("attendance", caseRef).Field("date", day).Field("status", random.Next(100) switch
                {
                    < 86 => "Present", < 93 => "ExcusedAbsence", _ => "UnexcusedAbsence",
                }).End();
                Count();
                last = day;
            }

            DateOnly? municipalJobEnd = null;
            var work = false;
            if (placement)
            {
                var kind = random.Next(100) switch { < 38 => "Internship", < 55 => "Employment", < 70 => "SubsidizedEmployment", _ => "MunicipalJob" };
                var begins = last.AddDays(Days(1, 8, slot));
                if (begins > LastDay) return Open();
                var months = kind switch { "MunicipalJob" => 6, "Internship" => random.Next(1, 4), _ => random.Next(3, 13) };
                var ends = begins.AddDays(Math.Min(months * 30, Math.Max(14, slot - (begins.DayNumber - referred.DayNumber))));
                w.Begin("placement", caseRef).Field("kind", kind).Field("start", begins).Field("end", ends)
                    .Field("employer", Employers[random.Next(Employers.Length)]).Field("matched", random.Next(3) == 0).End();
                Count();
                // A job closes the case when it starts; an internship or a municipal job when it ends.
                work = kind is "Employment" or "SubsidizedEmployment";
                last = work ? begins : ends;
                if (kind == "MunicipalJob") municipalJobEnd = ends;
            }

            if (keepOpen) return Open();
            var (reason, subReason) = work
                ? ("Work", random.Next(3) == 0 ? "Subsidised" : "Unsubsidised")
                : random.Next(100) switch
                {
                    < 30 => ("Work", random.Next(4) == 0 ? "Subsidised" : "Unsubsidised"),
                    < 45 => ("Studies", (string?)null),
                    < 60 => ("EmploymentProgramme", null),
                    < 85 => ("Other", random.Next(5) switch { 0 => "NotInTargetGroup", 1 => "NoLongerOnBenefit", 2 => "SelfSupportingOtherwise", 3 => "Moved", _ => "Other" }),
                    _ => ("Unknown", null),
                };
            return Closure(caseRef, person, last.AddDays(Days(1, 15, slot)), reason, subReason, Left() - 1, municipalJobEnd);

            DateOnly? Open()
            {
                OpenCases++;
                return null;
            }
        }

        private void Assessment(string caseRef, DateOnly date, string instrument)
        {
            var availability = random.Next(100) switch { < 55 => "Available", < 85 => "PartlyAvailable", _ => "NotAvailable" };
            var need = availability switch
            {
                "Available" => random.Next(100) < 75 ? "Standard" : "Situational",
                "PartlyAvailable" => random.Next(100) < 60 ? "Situational" : "SpeciallyAdapted",
                _ => random.Next(100) < 50 ? "SpeciallyAdapted" : "LongTermAdapted",
            };
            w.Begin("assessment", caseRef).Field("date", date).Field("instrument", instrument).Field("availability", availability)
                .Field("needCategory", need).End();
            Count();
        }

        private bool PauseAndResume(string caseRef, ref DateOnly day, int slot)
        {
            var paused = WorkingDaysAfter(day, 1);
            if (paused > LastDay) return false;
            w.Begin("pause", caseRef).Field("date", paused).Field("reason", random.Next(100) switch
            {
                < 60 => "Sickness", < 80 => "ParentalLeave", _ => "Other",
            }).End();
            Count();
            var resumed = paused.AddDays(Days(5, 40, slot));
            if (resumed > LastDay) return false;
            w.Begin("resume", caseRef).Field("date", resumed).End();
            Count();
            day = resumed;
            return true;
        }

        /// <summary>The closure and up to <paramref name="followUps"/> follow-up facts after it; null if the closure
        /// would lie after the last day (the case stays open).</summary>
        private DateOnly? Closure(string caseRef, Person person, DateOnly date, string reason, string? subReason, int followUps,
            DateOnly? municipalJobEnd = null)
        {
            if (date > LastDay) { OpenCases++; return null; }
            w.Begin("closure", caseRef).Field("date", date).Field("reason", reason);
            if (subReason is not null) w.Field("subReason", subReason);
            w.End();
            Count();
            // Benefit months in the year after closure, and what the person did three months after it (or after a
            // municipal job).
            var observed = (municipalJobEnd ?? date).AddDays(random.Next(80, 100));
            if (followUps > 0 && random.Next(100) < 45 && observed <= LastDay && observed > lastObservation)
            {
                w.Begin("occupationStatus").Field("personalNumber", person.Number).Field("date", observed)
                    .Field("status", random.Next(100) switch { < 55 => "Working", < 70 => "Studying", _ => "Neither" }).End();
                Count();
                lastObservation = observed;
                followUps--;
            }
            var month = MonthIndex(date);
            var stillOnBenefit = random.Next(100) < 30;
            for (var m = month + 1; followUps > 0 && m <= month + 12 && m < benefitMonths.Length; m++)
            {
                if (benefitMonths[m] || random.Next(3) != 0) continue;
                var (y, mm) = FromMonthIndex(m);
                w.Begin("benefitMonth").Field("personalNumber", person.Number).Month(y, mm).Field("receivesBenefit", stillOnBenefit).End();
                Count();
                benefitMonths[m] = true;
                followUps--;
            }
            return date;
        }

        /// <summary>A wait of <paramref name="min"/> to <paramref name="max"/> days, shortened when a person's cases follow
        /// each other closely (a short <paramref name="slot"/>: at national scale the test numbers are few for the cases).</summary>
        private int Days(int min, int max, int slot)
        {
            var squeeze = Math.Clamp(slot / 200.0, 0.1, 1.0);
            return Math.Max(1, (int)Math.Round(random.Next(min, max) * squeeze));
        }

        private void Count()
        {
            Events++;
            EventsLeft--;
        }
    }

    /// <summary>Months counted from the first month of the stream's period.</summary>
    private static int MonthIndex(DateOnly day) => (day.Year - FirstDay.Year) * 12 + day.Month - FirstDay.Month;

    private static (int Year, int Month) FromMonthIndex(int index)
    {
        var first = FirstDay.AddDays(1 - FirstDay.Day).AddMonths(index);
        return (first.Year, first.Month);
    }

    private static int Age(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return born.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>The day <paramref name="n"/> working days (Monday to Friday) after <paramref name="day"/>.</summary>
    private static DateOnly WorkingDaysAfter(DateOnly day, int n)
    {
        while (n > 0 || day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) n--;
        }
        return day;
    }

    /// <summary>Writes ASCII NDJSON straight into a byte buffer: the stream runs to gigabytes, so no string per line.</summary>
    private sealed class LineWriter(Stream output) : IDisposable
    {
        private readonly byte[] buffer = new byte[1 << 20];
        private int used;
        public long Bytes { get; private set; }

        public LineWriter Begin(string type, string? caseRef = null)
        {
            Raw("{\"type\":\"");
            Raw(type);
            Raw("\"");
            if (caseRef is not null) Field("caseRef", caseRef);
            return this;
        }

        public LineWriter Field(string name, string value)
        {
            Name(name);
            Raw("\"");
            Raw(value);
            Raw("\"");
            return this;
        }

        public LineWriter Field(string name, bool value)
        {
            Name(name);
            Raw(value ? "true" : "false");
            return this;
        }

        public LineWriter Field(string name, DateOnly value)
        {
            Name(name);
            Ensure(12);
            buffer[used++] = (byte)'"';
            Digits(value.Year, 4);
            buffer[used++] = (byte)'-';
            Digits(value.Month, 2);
            buffer[used++] = (byte)'-';
            Digits(value.Day, 2);
            buffer[used++] = (byte)'"';
            return this;
        }

        public LineWriter Month(int year, int month)
        {
            Name("month");
            Ensure(9);
            buffer[used++] = (byte)'"';
            Digits(year, 4);
            buffer[used++] = (byte)'-';
            Digits(month, 2);
            buffer[used++] = (byte)'"';
            return this;
        }

        public void End() => Raw("}\n");

        private void Name(string name)
        {
            Raw(",\"");
            Raw(name);
            Raw("\":");
        }

        private void Digits(int value, int width)
        {
            for (var i = width - 1; i >= 0; i--)
            {
                buffer[used + i] = (byte)('0' + value % 10);
                value /= 10;
            }
            used += width;
        }

        private void Raw(string ascii)
        {
            Ensure(ascii.Length);
            used += Encoding.ASCII.GetBytes(ascii, buffer.AsSpan(used));
        }

        private void Ensure(int bytes)
        {
            if (used + bytes > buffer.Length) Flush();
        }

        public void Flush()
        {
            output.Write(buffer, 0, used);
            Bytes += used;
            used = 0;
        }

        public void Dispose() => Flush();
    }
}
