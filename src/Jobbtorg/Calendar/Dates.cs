namespace Jobbtorg.Calendar;

/// <summary>
/// The dates the system accepts, in one place. Every date that comes in (API, pages, import, query strings) lies in
/// [<see cref="Min"/>, <see cref="Max"/>]; on top of that an event that has happened (a referral, a consent, an
/// enrolment, a plan agreement, a pause, a resume, a closure, attendance, a journal note, a follow-up fact) is never
/// after today, and something planned (a meeting, an activity, a placement) lies at most <see cref="MaxYearsAhead"/>
/// years ahead. The arithmetic here is total: a date already stored outside the range (or at the ends of the
/// calendar) saturates instead of throwing, so no stored value can make a page or a report fail.
/// </summary>
public static class Dates
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2099, 12, 31);

    /// <summary>How far ahead something planned may lie: a meeting, a plan's activity, a placement's start or end.</summary>
    public const int MaxYearsAhead = 2;

    public static bool InRange(DateOnly date) => date >= Min && date <= Max;

    public static DateOnly Clamp(DateOnly date) => date < Min ? Min : date > Max ? Max : date;

    /// <summary>The latest date something may be planned for, seen on <paramref name="today"/>.</summary>
    public static DateOnly LatestPlanned(DateOnly today) => Clamp(PlusYears(today, MaxYearsAhead));

    /// <summary>Why a date on which something has happened is refused; null when it is accepted.</summary>
    public static DateProblem? PastProblem(DateOnly date, DateOnly today) =>
        date < Min ? new DateProblem(BeforeMin, [date, Min])
        : date > Max || date > today ? new DateProblem("The date {0} is in the future.", [date])
        : null;

    /// <summary>Why a planned date is refused; null when it is accepted.</summary>
    public static DateProblem? PlannedProblem(DateOnly date, DateOnly today) =>
        date < Min ? new DateProblem(BeforeMin, [date, Min])
        : date > LatestPlanned(today) ? new DateProblem("The date {0} is too far ahead; plan at most {2} years ahead, up to {1}.", [date, LatestPlanned(today), MaxYearsAhead])
        : null;

    /// <summary>Why a date of a period asked for (a report, a list) is refused; null when it is accepted.</summary>
    public static DateProblem? RangeProblem(DateOnly date) =>
        InRange(date) ? null : new DateProblem("The date {0} is outside the dates the system accepts, {1} to {2}.", [date, Min, Max]);

    // Also written out where a rule refuses such a date, so that the translation scan finds it there too.
    private const string BeforeMin = "The date {0} is before {1}, the earliest date the system accepts.";

    // Total arithmetic: results beyond the calendar's ends stop at DateOnly.MinValue / MaxValue.

    public static DateOnly PlusDays(DateOnly date, long days)
    {
        var number = (long)date.DayNumber + days;
        return number <= DateOnly.MinValue.DayNumber ? DateOnly.MinValue
            : number >= DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue
            : DateOnly.FromDayNumber((int)number);
    }

    /// <summary>As <see cref="DateOnly.AddMonths"/> (the day is clamped to the month's end: 31 Jan + 1 month is 28 or
    /// 29 Feb), saturating at the ends of the calendar.</summary>
    public static DateOnly PlusMonths(DateOnly date, int months)
    {
        var index = date.Year * 12L + (date.Month - 1) + months;
        if (index < 12) return DateOnly.MinValue;           // before January of year 1
        if (index > 9999 * 12L + 11) return DateOnly.MaxValue; // after December 9999
        return date.AddMonths(months);
    }

    public static DateOnly PlusYears(DateOnly date, int years) => PlusMonths(date, years * 12);

    public static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>The dates d with <paramref name="from"/> ≤ f(d) ≤ <paramref name="to"/> for a non-decreasing f, such as
    /// "three months later": one interval, or null when there is none. Found by bisection over the whole calendar.</summary>
    public static (DateOnly First, DateOnly Last)? Preimage(Func<DateOnly, DateOnly> f, DateOnly from, DateOnly to)
    {
        // The first d with f(d) ≥ bound, or null when even the last date maps below it.
        int? FirstReaching(DateOnly bound, bool strictly)
        {
            int low = DateOnly.MinValue.DayNumber, high = DateOnly.MaxValue.DayNumber;
            bool Reaches(int day) => strictly ? f(DateOnly.FromDayNumber(day)) > bound : f(DateOnly.FromDayNumber(day)) >= bound;
            if (!Reaches(high)) return null;
            while (low < high)
            {
                var middle = low + (high - low) / 2;
                if (Reaches(middle)) high = middle; else low = middle + 1;
            }
            return low;
        }

        if (FirstReaching(from, strictly: false) is not { } first) return null;
        var last = FirstReaching(to, strictly: true) is { } beyond ? beyond - 1 : DateOnly.MaxValue.DayNumber;
        return first <= last ? (DateOnly.FromDayNumber(first), DateOnly.FromDayNumber(last)) : null;
    }
}

/// <summary>A refused date: English copy and its arguments, translated where it is shown (a field error, a 400 or 409
/// problem, an import line).</summary>
public sealed record DateProblem(string Template, object[] Args);
