using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.AccessLog.Review;

internal sealed class AccessLogReviewConfiguration : IEntityTypeConfiguration<AccessLogReview>
{
    public void Configure(EntityTypeBuilder<AccessLogReview> b)
    {
        b.ToTable("AccessLogReviews");
        // A month is reviewed once; a second attempt meets this index even when two reviewers press at the same moment.
        b.HasIndex(x => x.Month).IsUnique();
        b.Property(x => x.ReviewedById).HasMaxLength(450);
        b.Property(x => x.ReviewedBy).HasMaxLength(AccessLogEntry.MaxPrincipalLength);
        b.Property(x => x.Note).HasMaxLength(AccessLogReview.MaxNoteLength);
    }
}
