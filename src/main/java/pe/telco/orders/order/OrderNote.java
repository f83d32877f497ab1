package pe.telco.orders.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A note the channel attached to its order (TMF622 note): who wrote it, when and what, kept in the order it came. */
@Entity
@Table(name = "order_note")
public class OrderNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;
    private int position;
    private String author;
    @Column(name = "noted_at")
    private OffsetDateTime notedAt;
    private String text;

    protected OrderNote() {
    }

    OrderNote(Order order, int position, String author, OffsetDateTime notedAt, String text) {
        this.order = order;
        this.position = position;
        this.author = author;
        this.notedAt = notedAt;
        this.text = text;
    }

    public Long getId() { return id; }
    public int getPosition() { return position; }
    public String getAuthor() { return author; }
    public OffsetDateTime getNotedAt() { return notedAt; }
    public String getText() { return text; }
}
