using System.Linq.Expressions;
using Jobbtorg.Features.Organisation;

namespace Jobbtorg.Features.InfoMeetings;

/// <summary>What decides a waiting case's turn, as plain data.</summary>
public sealed record WaitingPlace(int CaseId, MeetingKind Kind, bool HasChildren, bool NewlyUnemployed, DateOnly ReferralDate);

/// <summary>
/// The order in which waiting cases get a seat: youth first, then people with children, then the newly unemployed,
/// then the earliest referral; the case id settles a tie. It is written once, as expressions over a
/// <see cref="WaitingPlace"/>: the database orders the waiting list by them, the same keys order the people of a
/// cancelled meeting for booking again, and a test orders plain places by them in memory.
/// </summary>
public static class WaitingListOrder
{
    public static readonly Expression<Func<InfoMeetingWait, WaitingPlace>> OfWait =
        w => new WaitingPlace(w.CaseId, w.Kind, w.Case.HasChildren, w.Case.NewlyUnemployed, w.Case.ReferralDate);

    public static readonly Expression<Func<InfoMeetingBooking, WaitingPlace>> OfBooking =
        b => new WaitingPlace(b.CaseId, b.Meeting.Kind, b.Case.HasChildren, b.Case.NewlyUnemployed, b.Case.ReferralDate);

    /// <summary>Orders anything that has a waiting place in serving order; translated to SQL on a database query.</summary>
    public static IOrderedQueryable<T> InServingOrder<T>(this IQueryable<T> source, Expression<Func<T, WaitingPlace>> place) =>
        source.OrderByDescending(Key(place, p => p.Kind == MeetingKind.Youth))
            .ThenByDescending(Key(place, p => p.HasChildren))
            .ThenByDescending(Key(place, p => p.NewlyUnemployed))
            .ThenBy(Key(place, p => p.ReferralDate))
            .ThenBy(Key(place, p => p.CaseId));

    public static IOrderedQueryable<WaitingPlace> InServingOrder(this IEnumerable<WaitingPlace> places) => places.AsQueryable().InServingOrder(p => p);

    /// <summary>The waiting list, of one centre and one kind of meeting when given, in the order it is served.</summary>
    public static IOrderedQueryable<InfoMeetingWait> WaitingList(this IQueryable<InfoMeetingWait> waits, int? jobCentreId, MeetingKind? kind) =>
        waits.Where(w => (jobCentreId == null || w.JobCentreId == jobCentreId) && (kind == null || w.Kind == kind)).InServingOrder(OfWait);

    /// <summary>A key over the place, rewritten as a key over <typeparamref name="T"/>: the database then sees the
    /// columns themselves (w.Case.HasChildren), not a member of a constructed record.</summary>
    private static Expression<Func<T, TKey>> Key<T, TKey>(Expression<Func<T, WaitingPlace>> place, Expression<Func<WaitingPlace, TKey>> key) =>
        Expression.Lambda<Func<T, TKey>>(new Inliner(key.Parameters[0], place.Body).Visit(key.Body), place.Parameters);

    private sealed class Inliner(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;

        protected override Expression VisitMember(MemberExpression node)
        {
            var target = Visit(node.Expression);
            // new WaitingPlace(a, b, …).B is b: a positional record's parameters are named as its properties.
            if (target is NewExpression { Constructor: { } constructor } created)
            {
                var index = Array.FindIndex(constructor.GetParameters(), p => p.Name == node.Member.Name);
                if (index >= 0) return created.Arguments[index];
            }
            return node.Update(target);
        }
    }
}
