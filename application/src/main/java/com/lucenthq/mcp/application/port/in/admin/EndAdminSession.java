package com.lucenthq.mcp.application.port.in.admin;

/** Signs out: the session cookie stops working at once, on every replica. */
public interface EndAdminSession {

    void end(String cookie);
}
