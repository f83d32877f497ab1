package pe.telco.orders.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Local ports for a server a test starts in another process. Each is taken below the kernel's ephemeral range
 * (32768 and up here), where no outgoing connection of the run can take it before the server binds it, and all
 * ports of one call are held open together while they are chosen, so they are never the same port twice (an
 * ephemeral port closed and asked for again can come back: a Kafka broker once got one port for both listeners).
 */
public final class FreePorts {

    private static final int LOWEST = 15_000;
    private static final int BELOW_EPHEMERAL = 32_000;

    private FreePorts() {
    }

    public static int[] take(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            while (held.size() < count) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
                ServerSocket socket = new ServerSocket();
                try {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    held.add(socket);
                } catch (IOException inUse) {
                    socket.close();
                }
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    public static int take() throws IOException {
        return take(1)[0];
    }
}
