using Jobbtorg.Calendar;
using Jobbtorg.Features.Shared;

namespace Jobbtorg.Features.WorkingCalendar;

/// <summary>A day that is not a working day although it may fall on a weekday, named in the reader's language.</summary>
public sealed record HolidayDto(DateOnly Date, string Name)
{
    /// <summary>Two holidays on one day (Ascension Day on 1 May) are named together, each translated.</summary>
    public static HolidayDto Of(Holiday holiday, Texts texts) =>
        new(holiday.Date, string.Join("; ", holiday.Name.Split("; ").Select(name => texts[name])));
}
