namespace Jobbtorg.Features.WorkingCalendar;

/// <summary>The <see cref="WorkingDays"/>-th working day after <see cref="From"/>, and the holidays passed on the way.</summary>
public sealed record DeadlineDto(DateOnly From, int WorkingDays, DateOnly Deadline, IReadOnlyList<HolidayDto> Holidays);
