using Jobbtorg.Data;
using Jobbtorg.Features.InfoMeetings;
using Jobbtorg.Features.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Jobbtorg.Tests.InfoMeetings;

/// <summary>Who gets the next free seat (domain.md, process step 2): youth, then people with children, then the newly
/// unemployed, then the earliest referral.</summary>
public class WaitingListOrderTests
{
    private static readonly DateOnly Day = new(2024, 5, 6);

    private static WaitingPlace Place(int caseId, bool youth = false, bool children = false, bool newlyUnemployed = false, int daysAgo = 0) =>
        new(caseId, youth ? MeetingKind.Youth : MeetingKind.Adult, children, newlyUnemployed, Day.AddDays(-daysAgo));

    private static List<int> Served(params WaitingPlace[] places) => [.. places.InServingOrder().Select(p => p.CaseId)];

    [Fact]
    public void Youth_are_served_first_then_people_with_children_then_the_newly_unemployed_then_the_earliest_referral()
    {
        var latePlain = Place(1, daysAgo: 3);
        var earlyPlain = Place(2, daysAgo: 10);
        var newly = Place(3, newlyUnemployed: true);
        var children = Place(4, children: true);
        var youth = Place(5, youth: true);

        // Listed in an order that is not the order they are served in.
        Assert.Equal([5, 4, 3, 2, 1], Served(latePlain, earlyPlain, newly, children, youth));
    }

    [Fact]
    public void Each_key_counts_only_when_the_ones_before_it_are_equal()
    {
        // A youth referred today goes before an adult with children referred long ago.
        Assert.Equal([2, 1], Served(Place(1, children: true, newlyUnemployed: true, daysAgo: 90), Place(2, youth: true)));
        // Children outweigh being newly unemployed and an earlier referral.
        Assert.Equal([2, 1], Served(Place(1, newlyUnemployed: true, daysAgo: 30), Place(2, children: true)));
        // With children and newly unemployed goes before with children alone.
        Assert.Equal([2, 1], Served(Place(1, children: true, daysAgo: 30), Place(2, children: true, newlyUnemployed: true)));
        // Among youth the same order holds.
        Assert.Equal([3, 2, 1], Served(Place(1, youth: true, daysAgo: 5), Place(2, youth: true, newlyUnemployed: true), Place(3, youth: true, children: true)));
    }

    [Fact]
    public void Alike_in_everything_the_earlier_case_goes_first()
    {
        Assert.Equal([3, 7, 9], Served(Place(9, daysAgo: 2), Place(3, daysAgo: 2), Place(7, daysAgo: 2)));
    }

    [Fact]
    public void The_database_orders_the_waiting_list_and_a_cancelled_meetings_bookings_by_the_same_keys()
    {
        using var db = new SqliteJobbtorgDb(new DbContextOptionsBuilder<SqliteJobbtorgDb>().UseSqlite("Data Source=:memory:").Options);
        const string keys = """ORDER BY "\w+"\."Kind" = 'Youth' DESC, "\w+"\."HasChildren" DESC, "\w+"\."NewlyUnemployed" DESC, "\w+"\."ReferralDate", "\w+"\."CaseId"\s*$""";

        Assert.Matches(keys, db.InfoMeetingWaits.WaitingList(5, MeetingKind.Adult).ToQueryString());
        Assert.Matches(keys, db.InfoMeetingBookings.InServingOrder(WaitingListOrder.OfBooking).ToQueryString());
    }
}
