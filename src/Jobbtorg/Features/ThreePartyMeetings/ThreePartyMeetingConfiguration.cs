using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jobbtorg.Features.ThreePartyMeetings;

internal sealed class ThreePartyMeetingConfiguration : IEntityTypeConfiguration<ThreePartyMeeting>
{
    public void Configure(EntityTypeBuilder<ThreePartyMeeting> b)
    {
        b.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Notes).WithMany().HasForeignKey(x => x.NotesEntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CaseId, x.StartsAt });
        b.HasIndex(x => new { x.Status, x.StartsAt });
        b.Property(x => x.Place).HasMaxLength(ThreePartyMeeting.MaxPlaceLength);
        b.Property(x => x.BookedById).HasMaxLength(450);
        b.Property(x => x.BookedBy).HasMaxLength(200);
        b.Property(x => x.CancelledBy).HasMaxLength(200);
    }
}
