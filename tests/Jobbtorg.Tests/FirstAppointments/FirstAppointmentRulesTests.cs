using Jobbtorg.Features.Cases;
using Jobbtorg.Features.FirstAppointments;
using Jobbtorg.Features.Shared;
using Jobbtorg.Tests.Builders;

namespace Jobbtorg.Tests.FirstAppointments;

public class FirstAppointmentRulesTests
{
    /// <summary>Monday 6 May 2024, 09:00 Stockholm.</summary>
    private static readonly DateTimeOffset Now = CaseBuilder.At(new DateOnly(2024, 5, 6));
    private static readonly Jobbtorg.Features.Access.AppUser Coach = CaseBuilder.Coach();
    private static readonly FirstAppointmentOptions Hours = new();
    private static readonly string[] CentreCoaches = [Coach.Id];

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        Clock.FromStockholm(new DateOnly(year, month, day), new TimeOnly(hour, minute))!.Value;

    private static List<(string Field, string Template)> Broken(DateTimeOffset start, string coachId = "coach-17") =>
        [.. FirstAppointment.Rules(start, coachId, CentreCoaches, Hours, Now).Select(r => (r.Field, r.Template))];

    private static Case OpenCase() => new CaseBuilder().EnrolledOn(new DateOnly(2024, 4, 22), Coach).Build();

    [Fact]
    public void An_hour_from_eight_or_ending_at_five_on_a_working_day_is_fine()
    {
        Assert.Empty(Broken(At(2024, 5, 7, 8)));
        Assert.Empty(Broken(At(2024, 5, 7, 16)));
    }

    [Fact]
    public void Before_opening_or_ending_after_closing_is_refused_on_the_time()
    {
        Assert.Equal("Time", Assert.Single(Broken(At(2024, 5, 7, 7, 55))).Field);
        Assert.Equal("Time", Assert.Single(Broken(At(2024, 5, 7, 16, 5))).Field);
    }

    [Fact]
    public void Weekends_public_holidays_and_eves_are_refused_on_the_date()
    {
        Assert.Equal("Date", Assert.Single(Broken(At(2024, 5, 11, 10))).Field); // Saturday
        Assert.Equal("Date", Assert.Single(Broken(At(2024, 5, 9, 10))).Field);  // Ascension Day
        Assert.Equal("Date", Assert.Single(Broken(At(2024, 6, 21, 10))).Field); // Midsummer Eve
    }

    [Fact]
    public void A_time_already_passed_today_is_refused_on_the_time_and_an_earlier_day_on_the_date()
    {
        Assert.Equal(("Time", "The appointment cannot be in the past."), Assert.Single(Broken(Now.AddMinutes(-1))));
        Assert.Equal("Date", Assert.Single(Broken(At(2024, 5, 3, 10))).Field);
    }

    [Fact]
    public void A_coach_of_another_centre_is_refused_on_the_coach()
    {
        Assert.Equal(("CoachId", "Choose a coach at the case's job centre."), Assert.Single(Broken(At(2024, 5, 7, 10), "coach-of-kista")));
    }

    [Fact]
    public void A_case_has_one_booked_appointment_at_a_time_and_none_once_closed()
    {
        var c = OpenCase();
        var first = FirstAppointment.Book(c, [], At(2024, 5, 7, 10), Coach, CentreCoaches, Hours, "Kim Coach", Now);
        var second = Assert.Throws<RuleBrokenException>(() => FirstAppointment.Book(c, [first], At(2024, 5, 8, 10), Coach, CentreCoaches, Hours, "Kim Coach", Now));
        Assert.Equal("The case already has a booked first appointment: move or cancel it.", second.Template);

        first.Cancel("Krock med tandläkartid.", "Kim Coach", Now);
        Assert.Equal(FirstAppointmentStatus.Cancelled, first.Status);
        Assert.Equal(FirstAppointmentStatus.Booked, FirstAppointment.Book(c, [first], At(2024, 5, 8, 10), Coach, CentreCoaches, Hours, "Kim Coach", Now).Status);

        var closed = new CaseBuilder().EnrolledOn(new DateOnly(2024, 4, 22), Coach).ClosedOn(new DateOnly(2024, 5, 2)).Build();
        Assert.Throws<RuleBrokenException>(() => FirstAppointment.Book(closed, [], At(2024, 5, 7, 10), Coach, CentreCoaches, Hours, "Kim Coach", Now));
    }

    [Fact]
    public void A_cancellation_needs_a_reason_and_the_outcome_waits_for_the_start()
    {
        var a = FirstAppointment.Book(OpenCase(), [], At(2024, 5, 7, 10), Coach, CentreCoaches, Hours, "Kim Coach", Now);
        Assert.Throws<RuleBrokenException>(() => a.Cancel("  ", "Kim Coach", Now));
        Assert.Throws<RuleBrokenException>(() => a.RecordOutcome(true, "Kim Coach", Now));
        a.RecordOutcome(false, "Kim Coach", At(2024, 5, 7, 10, 15));
        Assert.Equal(FirstAppointmentStatus.NoShow, a.Status);
        Assert.Throws<RuleBrokenException>(() => a.RecordOutcome(true, "Kim Coach", At(2024, 5, 7, 10, 30)));
    }

    [Fact]
    public void A_move_keeps_the_rules_and_counts()
    {
        var a = FirstAppointment.Book(OpenCase(), [], At(2024, 5, 7, 10), Coach, CentreCoaches, Hours, "Kim Coach", Now);
        Assert.Throws<RuleBrokenException>(() => a.Move(At(2024, 5, 11, 10), Coach, CentreCoaches, Hours, Now));
        var previous = a.Move(At(2024, 5, 8, 13), Coach, CentreCoaches, Hours, Now);
        Assert.Equal(At(2024, 5, 7, 10), previous);
        Assert.Equal(At(2024, 5, 8, 14), a.EndsAt);
        Assert.Equal(1, a.Moves);
    }
}
