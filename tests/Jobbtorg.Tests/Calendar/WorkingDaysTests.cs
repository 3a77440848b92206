using System.Globalization;
using Jobbtorg.Calendar;

namespace Jobbtorg.Tests.Calendar;

public class WorkingDaysTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static PausePeriod Pause(string pausedOn, string? resumedOn = null) =>
        new(D(pausedOn), resumedOn is null ? null : D(resumedOn));

    private static DateOnly? PlanDeadline(string enrolledOn, params PausePeriod[] pauses) =>
        WorkingDays.Deadline(D(enrolledOn), 5, pauses);

    [Fact]
    public void Plan_deadline_skips_first_of_may()
    {
        // domain.md: Tue 30 Apr (1), 1 May holiday, Thu 2 (2), Fri 3 (3), Mon 6 (4), Tue 7 May (5).
        Assert.Equal(D("2024-05-07"), PlanDeadline("2024-04-29"));
    }

    [Fact]
    public void Plan_deadline_skips_Good_Friday_and_Easter_Monday() =>
        Assert.Equal(D("2024-04-05"), PlanDeadline("2024-03-27"));  // Thu 28, Tue 2, Wed 3, Thu 4, Fri 5

    [Fact]
    public void Plan_deadline_skips_Christmas_and_New_Year()
    {
        Assert.Equal(D("2025-01-03"), PlanDeadline("2024-12-20"));  // Mon 23, Fri 27, Mon 30, Thu 2, Fri 3
        Assert.Equal(D("2025-01-09"), PlanDeadline("2024-12-30"));  // Thu 2, Fri 3, (Epiphany) Tue 7, Wed 8, Thu 9
    }

    [Fact]
    public void Plan_deadline_skips_Midsummer_Eve() =>
        Assert.Equal(D("2024-06-26"), PlanDeadline("2024-06-18"));  // Wed 19, Thu 20, Mon 24, Tue 25, Wed 26

    [Fact]
    public void Plan_deadline_skips_Ascension_Day_and_National_Day()
    {
        Assert.Equal(D("2024-05-13"), PlanDeadline("2024-05-03"));  // Mon 6, Tue 7, Wed 8, Fri 10, Mon 13
        Assert.Equal(D("2024-06-11"), PlanDeadline("2024-06-03"));  // Tue 4, Wed 5, Fri 7, Mon 10, Tue 11
    }

    [Fact]
    public void Enrolment_on_a_weekend_counts_from_the_next_working_day() =>
        Assert.Equal(D("2024-05-13"), PlanDeadline("2024-05-04"));  // Mon 6, Tue 7, Wed 8, Fri 10, Mon 13

    [Fact]
    public void Paused_working_days_do_not_count() =>
        // Thu 2 and Fri 3 May are paused: Tue 30, Mon 6, Tue 7, Wed 8, (Ascension) Fri 10.
        Assert.Equal(D("2024-05-10"), PlanDeadline("2024-04-29", Pause("2024-05-02", "2024-05-06")));

    [Fact]
    public void A_holiday_inside_a_pause_is_not_lost_twice() =>
        // The pause covers Tue 30 Apr, 1 May (a holiday anyway) and Thu 2 May: two working days lost, not three.
        Assert.Equal(D("2024-05-10"), PlanDeadline("2024-04-29", Pause("2024-04-30", "2024-05-03")));

    [Fact]
    public void A_pause_starting_on_the_enrolment_date_delays_the_deadline() =>
        // Covers Mon 29 (not counted anyway), Tue 30 and 1 May: Thu 2, Fri 3, Mon 6, Tue 7, Wed 8.
        Assert.Equal(D("2024-05-08"), PlanDeadline("2024-04-29", Pause("2024-04-29", "2024-05-02")));

    [Fact]
    public void A_pause_resumed_the_same_day_covers_nothing() =>
        Assert.Equal(D("2024-05-07"), PlanDeadline("2024-04-29", Pause("2024-04-30", "2024-04-30")));

    [Fact]
    public void A_pause_over_a_weekend_only_changes_nothing() =>
        Assert.Equal(D("2024-05-07"), PlanDeadline("2024-04-29", Pause("2024-05-04", "2024-05-06")));

    [Fact]
    public void A_pause_resumed_on_the_deadline_moves_it_past_the_pause() =>
        // Covers Mon 6 only (resumed Tue 7): Tue 30, Thu 2, Fri 3, Tue 7, Wed 8.
        Assert.Equal(D("2024-05-08"), PlanDeadline("2024-04-29", Pause("2024-05-06", "2024-05-07")));

    [Fact]
    public void An_open_pause_before_the_deadline_stops_the_clock()
    {
        Assert.Null(PlanDeadline("2024-04-29", Pause("2024-05-02")));
        Assert.Null(PlanDeadline("2024-04-29", Pause("2024-05-07")));  // paused on what would have been the deadline
        Assert.Null(PlanDeadline("2024-04-29", Pause("2024-04-20")));  // paused before enrolment
        Assert.Null(PlanDeadline("2024-04-29", Pause("2024-05-04")));  // paused over the weekend, still paused
    }

    [Fact]
    public void An_open_pause_after_the_deadline_does_not_matter() =>
        Assert.Equal(D("2024-05-07"), PlanDeadline("2024-04-29", Pause("2024-05-08")));

    [Fact]
    public void Several_pauses_all_count_in_any_order()
    {
        // Apr 30 and May 1 paused, then Mon 6 and Tue 7: Thu 2, Fri 3, Wed 8, (Ascension) Fri 10, Mon 13.
        var first = Pause("2024-04-30", "2024-05-02");
        var second = Pause("2024-05-06", "2024-05-08");
        Assert.Equal(D("2024-05-13"), PlanDeadline("2024-04-29", first, second));
        Assert.Equal(D("2024-05-13"), PlanDeadline("2024-04-29", second, first));
        // A later open pause stops the clock once the closed ones have been passed.
        Assert.Null(PlanDeadline("2024-04-29", first, second, Pause("2024-05-10")));
    }

    [Fact]
    public void Overlapping_pauses_count_each_day_once() =>
        Assert.Equal(D("2024-05-10"), PlanDeadline("2024-04-29", Pause("2024-05-02", "2024-05-04"), Pause("2024-05-03", "2024-05-06")));

    [Fact]
    public void A_pause_covers_its_first_day_up_to_the_day_before_resumption()
    {
        var pause = Pause("2024-05-02", "2024-05-06");
        Assert.False(pause.Covers(D("2024-05-01")));
        Assert.True(pause.Covers(D("2024-05-02")));
        Assert.True(pause.Covers(D("2024-05-05")));
        Assert.False(pause.Covers(D("2024-05-06")));
        Assert.True(Pause("2024-05-02").Covers(D("2099-12-31")));
    }

    [Fact]
    public void A_negative_number_of_working_days_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.Deadline(D("2024-04-29"), -1, []));

    [Theory]
    [InlineData("2024-04-29", true)]   // Monday
    [InlineData("2024-05-04", false)]  // Saturday
    [InlineData("2024-05-05", false)]  // Sunday
    [InlineData("2024-05-01", false)]  // May Day
    [InlineData("2024-03-28", true)]   // Maundy Thursday
    [InlineData("2024-05-10", true)]   // squeeze day after Ascension Day
    [InlineData("2024-06-21", false)]  // Midsummer Eve
    [InlineData("2024-12-24", false)]  // Christmas Eve
    [InlineData("2024-12-31", false)]  // New Year's Eve
    [InlineData("2025-01-06", false)]  // Epiphany
    [InlineData("2004-05-31", false)]  // Whit Monday, still a holiday in 2004
    [InlineData("2005-05-16", true)]   // Whit Monday, no longer a holiday
    public void Working_days_are_weekdays_that_are_not_holidays(string date, bool expected) =>
        Assert.Equal(expected, WorkingDays.IsWorkingDay(D(date)));

    [Fact]
    public void Adding_working_days_walks_past_weekends_and_holidays()
    {
        Assert.Equal(D("2024-05-07"), WorkingDays.AddWorkingDays(D("2024-04-29"), 5));
        Assert.Equal(D("2024-05-06"), WorkingDays.AddWorkingDays(D("2024-05-03"), 1));
        Assert.Equal(D("2024-05-04"), WorkingDays.AddWorkingDays(D("2024-05-04"), 0));
    }

    [Fact]
    public void Counting_working_days_excludes_the_first_date_and_includes_the_last()
    {
        Assert.Equal(5, WorkingDays.CountWorkingDays(D("2024-04-29"), D("2024-05-07")));
        Assert.Equal(0, WorkingDays.CountWorkingDays(D("2024-04-29"), D("2024-04-29")));
        Assert.Equal(0, WorkingDays.CountWorkingDays(D("2024-05-07"), D("2024-04-29")));
        Assert.Equal(251, WorkingDays.CountWorkingDays(D("2023-12-31"), D("2024-12-31")));  // 262 weekdays, 11 holidays
    }

    [Fact]
    public void Counting_undoes_adding_for_every_start_in_a_decade()
    {
        var failures = new List<string>();
        for (var start = D("2020-01-01"); start < D("2030-01-01"); start = start.AddDays(1))
        {
            foreach (var n in new[] { 1, 5, 20 })
            {
                var end = WorkingDays.AddWorkingDays(start, n);
                if (!WorkingDays.IsWorkingDay(end) || WorkingDays.CountWorkingDays(start, end) != n
                    || WorkingDays.CountWorkingDays(start, end.AddDays(-1)) != n - 1)
                    failures.Add($"{start} + {n} = {end}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(50)));
    }
}

public class WorkingDaysAtTheEndsOfTheCalendarTests
{
    [Fact]
    public void A_deadline_that_would_pass_the_last_day_of_the_calendar_stops_there() =>
        Assert.Equal(DateOnly.MaxValue, WorkingDays.Deadline(new DateOnly(9999, 12, 28), 5, []));

    [Fact]
    public void A_deadline_from_the_last_day_of_the_calendar_is_that_day() =>
        Assert.Equal(DateOnly.MaxValue, WorkingDays.Deadline(DateOnly.MaxValue, 5, []));

    [Fact]
    public void The_first_day_of_the_calendar_has_no_working_day_before_it() =>
        Assert.Equal(DateOnly.MinValue, WorkingDays.PreviousWorkingDay(DateOnly.MinValue));

    [Fact]
    public void Counting_up_to_the_last_day_of_the_calendar_ends_there() =>
        Assert.InRange(WorkingDays.CountWorkingDays(new DateOnly(9999, 12, 20), DateOnly.MaxValue), 1, 11);

    [Fact]
    public void Days_between_include_the_last_day_of_the_calendar_once() =>
        Assert.Equal([new DateOnly(9999, 12, 30), DateOnly.MaxValue], WorkingDays.Between(new DateOnly(9999, 12, 30), DateOnly.MaxValue));
}
