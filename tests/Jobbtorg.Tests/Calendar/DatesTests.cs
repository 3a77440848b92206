using Jobbtorg.Calendar;

namespace Jobbtorg.Tests.Calendar;

public class DatesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void The_accepted_range_is_1900_to_2099()
    {
        Assert.True(Dates.InRange(new DateOnly(1900, 1, 1)));
        Assert.True(Dates.InRange(new DateOnly(2099, 12, 31)));
        Assert.False(Dates.InRange(new DateOnly(1899, 12, 31)));
        Assert.False(Dates.InRange(new DateOnly(2100, 1, 1)));
        Assert.Equal(new DateOnly(2099, 12, 31), Dates.Clamp(DateOnly.MaxValue));
        Assert.Equal(new DateOnly(1900, 1, 1), Dates.Clamp(DateOnly.MinValue));
    }

    [Fact]
    public void Something_that_happened_lies_between_1900_and_today()
    {
        Assert.Null(Dates.PastProblem(Today, Today));
        Assert.Null(Dates.PastProblem(new DateOnly(1900, 1, 1), Today));
        Assert.Equal("The date {0} is in the future.", Dates.PastProblem(Today.AddDays(1), Today)!.Template);
        Assert.Contains("before {1}", Dates.PastProblem(DateOnly.MinValue, Today)!.Template);
        Assert.NotNull(Dates.PastProblem(DateOnly.MaxValue, DateOnly.MaxValue));
    }

    [Fact]
    public void Something_planned_lies_at_most_two_years_ahead()
    {
        Assert.Null(Dates.PlannedProblem(new DateOnly(2028, 3, 10), Today));
        var tooFar = Dates.PlannedProblem(new DateOnly(2028, 3, 11), Today);
        Assert.NotNull(tooFar);
        Assert.Equal(new DateOnly(2028, 3, 10), tooFar.Args[1]);
        Assert.Equal(new DateOnly(2099, 12, 31), Dates.LatestPlanned(new DateOnly(2099, 6, 1)));
    }

    [Fact]
    public void Arithmetic_stops_at_the_ends_of_the_calendar_instead_of_throwing()
    {
        Assert.Equal(DateOnly.MaxValue, Dates.PlusMonths(DateOnly.MaxValue, 12));
        Assert.Equal(DateOnly.MaxValue, Dates.PlusMonths(new DateOnly(9999, 11, 30), 3));
        Assert.Equal(DateOnly.MinValue, Dates.PlusMonths(DateOnly.MinValue, -1));
        Assert.Equal(DateOnly.MaxValue, Dates.PlusDays(DateOnly.MaxValue, 1));
        Assert.Equal(DateOnly.MinValue, Dates.PlusDays(DateOnly.MinValue, -7));
        Assert.Equal(DateOnly.MaxValue, Dates.PlusYears(new DateOnly(9999, 6, 1), 2));
    }

    [Fact]
    public void Arithmetic_inside_the_calendar_is_the_ordinary_one()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), Dates.PlusMonths(new DateOnly(2024, 1, 31), 1));
        Assert.Equal(new DateOnly(2025, 2, 28), Dates.PlusMonths(new DateOnly(2024, 2, 29), 12));
        Assert.Equal(new DateOnly(2024, 1, 1), Dates.PlusDays(new DateOnly(2023, 12, 31), 1));
    }

    [Fact]
    public void The_dates_some_months_before_a_period_are_one_interval_with_month_ends_clamped()
    {
        DateOnly ThreeMonthsLater(DateOnly d) => Dates.PlusMonths(d, 3);

        // 30 November 2023 lands on 29 February 2024 (clamped), 1 December on 1 March: all of November counts.
        Assert.Equal((new DateOnly(2023, 11, 1), new DateOnly(2023, 11, 30)),
            Dates.Preimage(ThreeMonthsLater, new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)));
        Assert.Equal((new DateOnly(2023, 10, 29), new DateOnly(2023, 11, 30)),
            Dates.Preimage(ThreeMonthsLater, new DateOnly(2024, 1, 29), new DateOnly(2024, 2, 29)));
        // A month later than 29 February 2024 is 29 March, than 1 March is 1 April: nothing lands on 30 or 31 March.
        Assert.Null(Dates.Preimage(d => Dates.PlusMonths(d, 1), new DateOnly(2024, 3, 30), new DateOnly(2024, 3, 31)));
        Assert.Equal((DateOnly.MinValue, new DateOnly(1899, 9, 30)), Dates.Preimage(ThreeMonthsLater, DateOnly.MinValue, new DateOnly(1899, 12, 31)));
    }
}
