using Jobbtorg.Features.Cases;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.Programmes;

/// <summary>A year, or one of its tertials (January–April, May–August, September–December), that the programme report counts.</summary>
public sealed record ReportPeriod(int Year, int? Tertial)
{
    public DateOnly From => new(Year, Tertial is { } t ? (t - 1) * 4 + 1 : 1, 1);
    public DateOnly To => Tertial is { } t ? new DateOnly(Year, t * 4, 1).AddMonths(1).AddDays(-1) : new DateOnly(Year, 12, 31);

    /// <summary>A tertial carries a third of the year's cost.</summary>
    public long? ShareOf(long? yearly) => yearly is { } cost ? Tertial is null ? cost : (long)Math.Round(cost / 3m, MidpointRounding.AwayFromZero) : null;

    /// <summary>The year from <see cref="ProgrammeYear.MinYear"/> to next year, the tertial 1–3 or none.</summary>
    public static FieldErrors Check(int? year, int? tertial, DateOnly today)
    {
        var errors = new FieldErrors();
        if (year is null) errors.Refuse("year", "Enter the year.");
        else if (year < ProgrammeYear.MinYear || year > today.Year + 1)
            errors.Refuse("year", "The year must be from {0} to {1}.", ProgrammeYear.MinYear, today.Year + 1);
        if (tertial is not null and not (>= 1 and <= 3)) errors.Refuse("tertial", "The tertial must be 1, 2 or 3.");
        return errors;
    }
}

/// <summary>What the report knows of one membership: the programme, the case, the days, and how the case closed.</summary>
public sealed record MembershipFact(int ProgrammeId, int CaseId, DateOnly JoinedOn, DateOnly? LeftOn, bool TakenInByProgramme,
    DateOnly? ClosureDate, ClosureReason? ClosureReason)
{
    /// <summary>The membership ends the day it was left, or else the day the case closed.</summary>
    public DateOnly? EndsOn => LeftOn ?? ClosureDate;
}

/// <summary>A programme's counts in a period: participants (cases whose membership shares a day with the period), of
/// them taken in by the programme without a referral, cases closed in the period while in the programme, and of those
/// closed to work or studies.</summary>
public sealed record ProgrammeCounts(int Participants, int TakenInWithoutReferral, int Closed, int ClosedToWorkOrStudies);

/// <summary>One row of the report. Costs are null when the year has no cost recorded, or when the reader's report is
/// restricted to a district (a programme's cost is not divided by district); a cost per participant or per outcome is null
/// when there is nothing to divide by.</summary>
public sealed record ProgrammeReportRow(int? ProgrammeId, string Name, ProgrammeKind? Kind, int Participants, int TakenInWithoutReferral,
    int Closed, int ClosedToWorkOrStudies, long? Cost, long? ExternalFunding, long? CostPerParticipant, long? CostPerWorkOrStudies);

/// <summary>The programme report of a year or tertial: a row per programme and the total of the rows.</summary>
public sealed record ProgrammeReport(int Year, int? Tertial, DateOnly From, DateOnly To, int? DistrictId, List<ProgrammeReportRow> Programmes,
    ProgrammeReportRow Total)
{
    /// <summary>The counts of the memberships given (of one programme) in the period from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ProgrammeCounts Count(IEnumerable<MembershipFact> memberships, DateOnly from, DateOnly to)
    {
        var during = memberships.Where(m => m.JoinedOn <= to && (m.EndsOn ?? DateOnly.MaxValue) >= from).ToList();
        var closed = during.Where(m => m.ClosureDate is { } c && c >= from && c <= to && c >= m.JoinedOn && c <= (m.LeftOn ?? DateOnly.MaxValue)).ToList();
        return new ProgrammeCounts(
            during.Select(m => m.CaseId).Distinct().Count(),
            during.Where(m => m.TakenInByProgramme).Select(m => m.CaseId).Distinct().Count(),
            closed.Select(m => m.CaseId).Distinct().Count(),
            closed.Where(m => m.ClosureReason is Cases.ClosureReason.Work or Cases.ClosureReason.Studies).Select(m => m.CaseId).Distinct().Count());
    }

    /// <summary>An amount in whole kronor with the reader's digit grouping; "–" when there is none.</summary>
    public static string Kronor(long? amount) => amount is { } a ? a.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) : "–";

    /// <summary>The cost divided by the count, in whole kronor; null when either is missing or the count is nought.</summary>
    public static long? PerHead(long? cost, int count) =>
        cost is { } c && count > 0 ? (long)Math.Round((decimal)c / count, MidpointRounding.AwayFromZero) : null;

    public static ProgrammeReport Build(ReportPeriod period, IReadOnlyList<Programme> programmes, IReadOnlyList<MembershipFact> facts, int? districtId)
    {
        var rows = new List<ProgrammeReportRow>();
        var byProgramme = facts.ToLookup(f => f.ProgrammeId);
        foreach (var p in programmes.OrderBy(p => p.Name))
        {
            var counts = Count(byProgramme[p.Id], period.From, period.To);
            var year = p.Years.FirstOrDefault(y => y.Year == period.Year);
            var cost = districtId is null ? period.ShareOf(year?.Cost) : null;
            var funding = districtId is null ? period.ShareOf(year?.ExternalFunding) : null;
            rows.Add(new ProgrammeReportRow(p.Id, p.Name, p.Kind, counts.Participants, counts.TakenInWithoutReferral, counts.Closed,
                counts.ClosedToWorkOrStudies, cost, funding, PerHead(cost, counts.Participants), PerHead(cost, counts.ClosedToWorkOrStudies)));
        }
        static long? Sum(IEnumerable<long?> values) => values.Any(v => v is not null) ? values.Sum(v => v ?? 0) : null;
        var participants = rows.Sum(r => r.Participants);
        var toWork = rows.Sum(r => r.ClosedToWorkOrStudies);
        var totalCost = Sum(rows.Select(r => r.Cost));
        var total = new ProgrammeReportRow(null, "Total", null, participants, rows.Sum(r => r.TakenInWithoutReferral), rows.Sum(r => r.Closed), toWork,
            totalCost, Sum(rows.Select(r => r.ExternalFunding)), PerHead(totalCost, participants), PerHead(totalCost, toWork));
        return new ProgrammeReport(period.Year, period.Tertial, period.From, period.To, districtId, rows, total);
    }
}
